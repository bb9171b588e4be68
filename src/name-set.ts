// Lists of names the generator refuses for an entry point (a language's globals, builtins, standard
// library modules, PHP's internal functions) are data of up to 1,300 names. They are kept as one string
// each, not as arrays or JSON: every run loads all families, and a string literal costs the start-up
// one token to parse where an array costs one per name (importing the four lists took 0.7 ms as arrays,
// nothing measurable as strings). The set is built only when a name of that language is checked.

/** Membership in a list of names. */
export interface NameSet {
  has(name: string): boolean;
}

/** The names in `text`, separated by white space (the form of the generated lists). */
export function namesIn(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** A set of the names `names()` gives, which it calls on the first `has`. */
export function lazyNameSet(names: () => Iterable<string>): NameSet {
  let set: Set<string> | undefined;
  return { has: (name) => (set ??= new Set(names())).has(name) };
}

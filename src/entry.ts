import { fail } from './errors.ts';
import type { NameSet } from './name-set.ts';
import type { EntryStrings } from './runtimes/types.ts';

/** The s.yaml field each entry string comes from, named as its CLI flag. */
export const ENTRY_FIELDS = { handler: 'handler', initializer: 'initializer', preStop: 'pre-stop' } as const;
export type EntryKey = keyof typeof ENTRY_FIELDS;

/** How one language spells file and function names in a `file.function` entry string. */
export interface DottedEntryRules {
  /** Language name used in error messages, e.g. "Python". */
  language: string;
  /** Example of a correct entry, shown in errors. */
  example: string;
  /** Legal entry-file base name (no extension, no directory). */
  file: RegExp;
  /** Legal function identifier. */
  identifier: RegExp;
  /** Words that cannot name the file (when the file is imported by name) or a function. */
  reserved: ReadonlySet<string>;
  /** Whether the file name is also an identifier in the language (Python modules): then keywords are refused too. */
  fileIsIdentifier: boolean;
  /** Function names are case-insensitive (PHP): `init` and `Init` collide. */
  caseInsensitive?: boolean;
  /** Top-level names the generated code defines itself; an entry point may not reuse them. */
  generatedNames: readonly string[];
  /** Names the language already gives a meaning to (globals, builtins, internal functions), as `fold` spells them. */
  takenFunctionNames?: { names: NameSet; what: string };
  /** Names the entry file may not have (Python: a standard library module, which the entry would shadow). */
  takenFileNames?: { names: NameSet; what: string };
}

export interface DottedNames {
  /** Entry file base name, e.g. `index`. */
  file: string;
  handler: string;
  initializer?: string;
  preStop?: string;
}

/**
 * Parses `file.function` entry strings (Node.js, Python, PHP), checks each part against the language,
 * and that all three name the same file and distinct functions.
 */
export function parseDottedEntries(entries: EntryStrings, rules: DottedEntryRules): DottedNames {
  const fold = (name: string) => (rules.caseInsensitive ? name.toLowerCase() : name);
  const parsed: Partial<Record<EntryKey, { file: string; fn: string }>> = {};
  for (const key of Object.keys(ENTRY_FIELDS) as EntryKey[]) {
    const value = entries[key];
    if (value === undefined) continue;
    const field = ENTRY_FIELDS[key];
    const dot = value.lastIndexOf('.');
    if (dot <= 0 || dot === value.length - 1) {
      fail(field, `"${value}" must be <file>.<function>, e.g. ${rules.example}`);
    }
    const file = value.slice(0, dot);
    const fn = value.slice(dot + 1);
    if (!rules.file.test(file) || (rules.fileIsIdentifier && rules.reserved.has(file))) {
      fail(field, `"${file}" is not a valid ${rules.language} file name for an entry point (letters, digits, _${rules.fileIsIdentifier ? '; not a keyword' : ', -'}; no directories or extension)`);
    }
    if (rules.takenFileNames?.names.has(file)) {
      fail(field, `"${file}" is ${rules.takenFileNames.what}, which an entry file of that name would shadow; pick another file name`);
    }
    if (!rules.identifier.test(fn)) {
      fail(field, `"${fn}" is not a valid ${rules.language} function name`);
    }
    if (rules.reserved.has(fold(fn))) {
      fail(field, `"${fn}" is a reserved word in ${rules.language} and cannot name a function`);
    }
    if (rules.takenFunctionNames?.names.has(fold(fn))) {
      fail(field, `"${fn}" is ${rules.takenFunctionNames.what}; pick another function name`);
    }
    if (rules.generatedNames.some((name) => fold(name) === fold(fn))) {
      fail(field, `"${fn}" is used by the generated code (${rules.generatedNames.join(', ')}); pick another function name`);
    }
    parsed[key] = { file, fn };
  }
  const handler = parsed.handler!;
  const seen = new Map<string, EntryKey>([[fold(handler.fn), 'handler']]);
  for (const key of ['initializer', 'preStop'] as const) {
    const entry = parsed[key];
    if (!entry) continue;
    if (entry.file !== handler.file) {
      fail(ENTRY_FIELDS[key], `"${entries[key]}" names file "${entry.file}" but the handler is in "${handler.file}"; handler and hooks must be in one file`);
    }
    const clash = seen.get(fold(entry.fn));
    if (clash) {
      fail(ENTRY_FIELDS[key], `function "${entry.fn}" is already used by --${ENTRY_FIELDS[clash]}; each entry point needs its own function`);
    }
    seen.set(fold(entry.fn), key);
  }
  return {
    file: handler.file,
    handler: handler.fn,
    ...(parsed.initializer && { initializer: parsed.initializer.fn }),
    ...(parsed.preStop && { preStop: parsed.preStop.fn }),
  };
}

// A small YAML writer for the s.yaml a generation writes, so a `--yes` run does not load the yaml
// library (about 5 ms of a 95 ms run, building the Document, printing it and compiling its code). It
// writes exactly what the yaml library prints with `lineWidth: 0` (block style, indent 2, sequences
// indented under their key, comments before keys, double quotes) for the values it is sure of, and
// returns undefined for anything else (a multi-line or non-ASCII description, a quote or a backslash
// in a value, a float, a value YAML would read as another type unless quoted in a way this writer does
// not know): then s-yaml.ts uses the yaml library itself. test/s-yaml-writer.test.ts proves both, for
// seeded random names, descriptions and values: byte-identical to the yaml library, and parsed back
// to the same data.

/** Comments before keys, by dotted path under the node they are given for (as s-yaml.ts names them). */
export type KeyComments = Record<string, string>;

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** Printable ASCII only: nothing that needs an escape, a fold or a choice between quote styles. */
const SIMPLE_TEXT = /^[\x20-\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;
/** Characters that leave a plain scalar plain wherever they are (a first character is checked apart). */
const PLAIN_TEXT = /^[A-Za-z0-9_/$.~(){}@+=:-]+(?: [A-Za-z0-9_/$.~(){}@+=:-]+)*$/;
/** Words and numbers YAML 1.2's core schema reads as null, booleans or numbers: quoted by the yaml library. */
const KEYWORD = /^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** YAML 1.1's booleans: left to the yaml library. */
const OLD_KEYWORD = /^(?:y|n|yes|no|on|off)$/i;

/** A string as the yaml library prints it (plain or double-quoted), or Unsupported. */
function scalarString(text: string): string {
  if (!SIMPLE_TEXT.test(text) || OLD_KEYWORD.test(text)) unsupported();
  const otherType = KEYWORD.test(text) || CORE_NUMBER.test(text);
  const plain = PLAIN_TEXT.test(text) && !/: |:$/.test(text) && !/^[-?:](?: |$)/.test(text) && !/^[:?@`,[\]{}#&*!|>%]/.test(text);
  if (plain && !otherType) return text;
  // Quoted for sure by the yaml library: another type, empty, spaces at an end, `: ` or ` #`, a leading indicator.
  const mustQuote = otherType || text === '' || /^ | $/.test(text) || /: | #|:$/.test(text) || /^[-?:](?: |$)|^[,[\]{}#&*!|>%@`]/.test(text);
  return mustQuote ? `"${text}"` : unsupported();
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return scalarString(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return unsupported();
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function key(name: string): string {
  const text = scalarString(name);
  return text.startsWith('"') ? unsupported() : text;
}

/** A comment as `# line` lines: non-empty printable ASCII lines only. */
function commentLines(comment: string, indent: string): string[] {
  const lines = comment.split('\n');
  if (lines.some((line) => !/^[\x20-\x7e]+$/.test(line))) unsupported();
  return lines.map((line) => `${indent}# ${line}`);
}

/** Lines of a mapping's entries at `depth`; `comments` apply to its keys (paths relative to it). */
function mapping(map: Record<string, unknown>, depth: number, comments: KeyComments): string[] {
  const indent = '  '.repeat(depth);
  return Object.entries(map).flatMap(([name, value]) => {
    const below: KeyComments = {};
    for (const [path, comment] of Object.entries(comments)) {
      if (path.startsWith(`${name}.`)) below[path.slice(name.length + 1)] = comment;
    }
    const own = Object.hasOwn(comments, name) ? commentLines(comments[name]!, indent) : [];
    return [...own, ...entry(`${indent}${key(name)}:`, value, depth, below)];
  });
}

/** A key (already written as `head`) and its value: on the same line when scalar or empty, else below. */
function entry(head: string, value: unknown, depth: number, comments: KeyComments): string[] {
  if (isMapping(value)) {
    return Object.keys(value).length === 0 ? [`${head} {}`] : [head, ...mapping(value, depth + 1, comments)];
  }
  if (Array.isArray(value)) {
    if (Object.keys(comments).length > 0) unsupported();
    return value.length === 0 ? [`${head} []`] : [head, ...sequence(value, depth + 1)];
  }
  return [`${head} ${scalar(value)}`];
}

function sequence(items: unknown[], depth: number): string[] {
  const indent = '  '.repeat(depth);
  return items.flatMap((item) => {
    if (Array.isArray(item)) return unsupported();
    if (!isMapping(item)) return [`${indent}- ${scalar(item)}`];
    if (Object.keys(item).length === 0) return [`${indent}- {}`];
    // The first key goes on the dash's line; the rest line up under it.
    const [first, ...rest] = mapping(item, depth + 1, {});
    return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest];
  });
}

/**
 * The YAML text of `data` (a mapping) after a `header` comment, with `comments` before the keys at
 * dotted paths under the key path `commentRoot`; undefined when a value is outside what this writer is
 * sure to print as the yaml library does.
 */
export function writeYaml(data: Record<string, unknown>, header: string, commentRoot: string[], comments: KeyComments): string | undefined {
  try {
    if (commentRoot.some((name) => name.includes('.'))) unsupported();
    const prefix = commentRoot.join('.');
    const rooted = Object.fromEntries(Object.entries(comments).map(([path, comment]) => [`${prefix}.${path}`, comment]));
    return `${commentLines(header, '').join('\n')}\n\n${mapping(data, 0, rooted).join('\n')}\n`;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

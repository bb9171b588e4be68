// A hook field's value as the s.yaml editor writes it on its key's line: a whole number, a string, or
// a command in flow style (`[/bin/sh, -c, /code/warm-up.sh]`). A string is written plain where YAML
// reads it back as that string, as the yaml library's stringify writes it, else double-quoted: one
// line either way, in the subset the light reader reads (src/project/light-yaml.ts), so an edited file
// is read again without the library's parser. The library's stringify is not used: it is reached
// through the library's public API module, which brings its parser (about half of it) into every
// add and remove (test/hooks-inline-value.test.ts checks the two against each other).

/** A plain scalar YAML 1.2's core schema reads as null, a boolean or a number (the library's tags' tests). */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * Whether `value` can be written plain: printable ASCII (anything else is quoted), not starting with
 * an indicator or space (`-` only before a character that is not a space: `-c`), no `: ` or ` #`, not
 * ending with `:` or a space, no flow indicator (`,[]{}`, anywhere: the library's flow style quotes
 * them on a key's line too), and not read as another type.
 */
function isPlain(value: string): boolean {
  return /^[\x20-\x7e]+$/.test(value) && !/^[ #&*!|>'"%@`?:]|^-$|^- |: | #|[ :]$|[,[\]{}]/.test(value) && !NOT_A_STRING.test(value);
}

/**
 * Double-quoted: JSON's string syntax is a subset of YAML's double-quoted style; the characters JSON
 * leaves as they are but YAML does not allow raw (DEL, the C1 controls) or reads as line breaks
 * (U+2028, U+2029) are escaped too.
 */
function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: string): string {
  return isPlain(value) ? value : quoted(value);
}

/** `value` as YAML on one line: a timeout (a whole number), a handler, or a command's arguments in flow style. */
export function inlineValue(value: string | number | string[]): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return scalar(value);
  return `[${value.map(scalar).join(', ')}]`;
}

// One scanner for the languages this tool reads (doctor) and edits (hook editor): which characters of
// a source file are code, comments, string delimiters or the inside of a string literal. Approximate
// where languages are hard to scan (JavaScript regex literals, template literal substitutions, PHP
// heredocs), which only matters for code that puts hook-like text inside them.

/** One kind of string literal. `escape`: a backslash escapes the next character; `multiline`: it may span lines. */
export interface StringSyntax {
  open: string;
  close: string;
  escape: boolean;
  multiline: boolean;
}

/** How one language spells comments and string literals, as far as the scanner needs to know. */
export interface Syntax {
  lineComments: readonly string[];
  blockComment?: readonly [open: string, close: string];
  /** Longest opener first. */
  strings: readonly StringSyntax[];
}

const quoted = (quote: string, multiline = false, escape = true): StringSyntax => ({ open: quote, close: quote, escape, multiline });
const C_STRINGS = [quoted('"'), quoted("'")];
const C_COMMENTS = { lineComments: ['//'], blockComment: ['/*', '*/'] } as const;

export const SYNTAX = {
  /** Java, C# and anything else with C's comments and quotes. */
  c: { ...C_COMMENTS, strings: C_STRINGS },
  javascript: { ...C_COMMENTS, strings: [...C_STRINGS, quoted('`', true)] },
  java: { ...C_COMMENTS, strings: [quoted('"""', true), ...C_STRINGS] },
  csharp: { ...C_COMMENTS, strings: [{ open: '@"', close: '"', escape: false, multiline: true }, ...C_STRINGS] },
  go: { ...C_COMMENTS, strings: [quoted('`', true, false), ...C_STRINGS] },
  python: { lineComments: ['#'], strings: [quoted('"""', true), quoted("'''", true), ...C_STRINGS] },
  php: { lineComments: ['//', '#'], blockComment: ['/*', '*/'], strings: C_STRINGS },
  xml: { lineComments: [], blockComment: ['<!--', '-->'], strings: [] },
} as const satisfies Record<string, Syntax>;

/** What a character is, as `scan` reports it. */
export const CODE = 0;
export const COMMENT = 1;
/** A string literal's opening or closing delimiter. */
export const QUOTE = 2;
/** The inside of a string literal. */
export const TEXT = 3;

/**
 * The kind of each character of `text`. A `#!` first line is a comment; line breaks that end a line
 * comment or an unclosed single-line string are code.
 */
export function scan(text: string, syntax: Syntax): Uint8Array {
  const kinds = new Uint8Array(text.length);
  const mark = (from: number, to: number, kind: number) => kinds.fill(kind, from, Math.min(to, text.length));
  const lineEnd = (from: number) => {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? text.length : newline;
  };
  let i = 0;
  if (text.startsWith('#!')) {
    i = lineEnd(0);
    mark(0, i, COMMENT);
  }
  while (i < text.length) {
    if (syntax.lineComments.some((token) => text.startsWith(token, i))) {
      const end = lineEnd(i);
      mark(i, end, COMMENT);
      i = end;
      continue;
    }
    const block = syntax.blockComment;
    if (block && text.startsWith(block[0], i)) {
      const close = text.indexOf(block[1], i + block[0].length);
      const end = close === -1 ? text.length : close + block[1].length;
      mark(i, end, COMMENT);
      i = end;
      continue;
    }
    const string = syntax.strings.find((candidate) => text.startsWith(candidate.open, i));
    if (string) {
      mark(i, i + string.open.length, QUOTE);
      let j = i + string.open.length;
      while (j < text.length && !text.startsWith(string.close, j) && (string.multiline || text[j] !== '\n')) {
        j += string.escape && text[j] === '\\' ? 2 : 1;
      }
      mark(i + string.open.length, j, TEXT);
      const closed = text.startsWith(string.close, j);
      if (closed) mark(j, j + string.close.length, QUOTE);
      i = closed ? j + string.close.length : Math.min(j, text.length);
      continue;
    }
    i += 1;
  }
  return kinds;
}

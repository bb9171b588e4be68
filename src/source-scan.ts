// One scanner for the languages this tool reads (doctor) and edits (hook editor): which characters of
// a source file are code, comments, string delimiters or the inside of a string literal. Approximate
// where languages are hard to scan (JavaScript regex literals, template literal and C# interpolation
// substitutions), which only matters for code that puts hook-like text inside them. PHP's inline HTML
// and heredocs, and C#'s verbatim strings with doubled quotes, are scanned exactly: a hook-like line
// inside them once made the hook editor report a hook that does not exist.

/**
 * One kind of string literal. `escape`: a backslash escapes the next character; `doubled`: a doubled
 * closing quote is one quote of the text (C# verbatim strings); `multiline`: it may span lines.
 */
export interface StringSyntax {
  open: string;
  close: string;
  escape: boolean;
  doubled?: boolean;
  multiline: boolean;
}

/** How one language spells comments and string literals, as far as the scanner needs to know. */
export interface Syntax {
  lineComments: readonly string[];
  blockComment?: readonly [open: string, close: string];
  /** Longest opener first. */
  strings: readonly StringSyntax[];
  /**
   * PHP: the file is inline HTML (text) outside `<?php` / `<?=` / `<? ` ... `?>`, `?>` also ends a line
   * comment, and `<<<ID` / `<<<'ID'` / `<<<"ID"` open a heredoc or nowdoc that runs to a line that is `ID`.
   */
  php?: true;
}

const quoted = (quote: string, multiline = false, escape = true): StringSyntax => ({ open: quote, close: quote, escape, multiline });
const C_STRINGS = [quoted('"'), quoted("'")];
const C_COMMENTS = { lineComments: ['//'], blockComment: ['/*', '*/'] } as const;

export const SYNTAX = {
  /** Java, C# and anything else with C's comments and quotes. */
  c: { ...C_COMMENTS, strings: C_STRINGS },
  javascript: { ...C_COMMENTS, strings: [...C_STRINGS, quoted('`', true)] },
  java: { ...C_COMMENTS, strings: [quoted('"""', true), ...C_STRINGS] },
  csharp: { ...C_COMMENTS, strings: [...['$@"', '@$"', '@"'].map((open) => ({ open, close: '"', escape: false, doubled: true, multiline: true })), ...C_STRINGS] },
  go: { ...C_COMMENTS, strings: [quoted('`', true, false), ...C_STRINGS] },
  python: { lineComments: ['#'], strings: [quoted('"""', true), quoted("'''", true), ...C_STRINGS] },
  php: { lineComments: ['//', '#'], blockComment: ['/*', '*/'], strings: C_STRINGS, php: true },
  xml: { lineComments: [], blockComment: ['<!--', '-->'], strings: [] },
} as const satisfies Record<string, Syntax>;

/** What a character is, as `scan` reports it. */
export const CODE = 0;
export const COMMENT = 1;
/** A string literal's opening or closing delimiter. */
export const QUOTE = 2;
/** The inside of a string literal. */
export const TEXT = 3;

/** What `scanSource` finds: the kind of each character, and whether the text ends inside a comment, string or heredoc. */
export interface ScanResult {
  kinds: Uint8Array;
  unterminated: boolean;
  /**
   * The comments and string insides as the scanner marked them, in order: start, end and kind (COMMENT
   * or TEXT) of each, three numbers a run, so that a masked copy is built a run at a time (SourceFile).
   */
  runs: number[];
}

const PHP_OPEN_TAG = /<\?(?:php(?=\s)|=|(?=\s))/gi;
const HEREDOC_OPEN = /<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/y;

const openerPatterns = new WeakMap<Syntax, RegExp>();
const stopPatterns = new WeakMap<StringSyntax, RegExp>();

/**
 * The characters a string literal's scan stops at (made once per kind of string): its closing quote's
 * first character, a backslash when it escapes, a line break when it is single-line; the scanner jumps
 * over the text between instead of testing each of its characters.
 */
function stopPattern(string: StringSyntax): RegExp {
  let pattern = stopPatterns.get(string);
  if (!pattern) {
    const stops = [string.close[0]!, ...(string.escape ? ['\\'] : []), ...(string.multiline ? [] : ['\n'])];
    pattern = new RegExp(`[${stops.map((c) => `\\${c}`).join('')}]`, 'g');
    stopPatterns.set(string, pattern);
  }
  return pattern;
}

/** The characters that can start a comment, a string, a heredoc or `?>` (made once per syntax): the scanner jumps over the code between. */
function openerPattern(syntax: Syntax): RegExp {
  let pattern = openerPatterns.get(syntax);
  if (!pattern) {
    const openers = [...syntax.lineComments, ...(syntax.blockComment ?? []).slice(0, 1), ...syntax.strings.map((s) => s.open), ...(syntax.php ? ['?>', '<<<'] : [])];
    pattern = new RegExp(`[${[...new Set(openers.map((token) => token[0]!))].map((c) => `\\${c}`).join('')}]`, 'g');
    openerPatterns.set(syntax, pattern);
  }
  return pattern;
}

/**
 * The kind of each character of `text`. A `#!` first line is a comment; line breaks that end a line
 * comment or an unclosed single-line string are code. PHP's inline HTML is text, its tags delimiters.
 */
export function scanSource(text: string, syntax: Syntax): ScanResult {
  const kinds = new Uint8Array(text.length);
  const runs: number[] = [];
  const mark = (from: number, to: number, kind: number) => {
    const end = Math.min(to, text.length);
    kinds.fill(kind, from, end);
    if ((kind === COMMENT || kind === TEXT) && from < end) runs.push(from, end, kind);
  };
  const lineEnd = (from: number) => {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? text.length : newline;
  };
  let unterminated = false;
  let i = 0;
  if (text.startsWith('#!')) {
    i = lineEnd(0);
    mark(0, i, COMMENT);
  }
  /** PHP: from `i` in HTML mode to just after the next open tag (or the end). */
  const inlineHtml = () => {
    PHP_OPEN_TAG.lastIndex = i;
    const tag = PHP_OPEN_TAG.exec(text);
    const end = tag ? tag.index : text.length;
    mark(i, end, TEXT);
    if (tag) mark(tag.index, tag.index + tag[0].length, QUOTE);
    i = tag ? tag.index + tag[0].length : text.length;
  };
  if (syntax.php) inlineHtml();
  const nextOpener = openerPattern(syntax);
  while (i < text.length) {
    nextOpener.lastIndex = i;
    // test, not exec: no match array per opener; the opener is one character, just before lastIndex.
    if (!nextOpener.test(text)) break;
    i = nextOpener.lastIndex - 1;
    if (syntax.php && text.startsWith('?>', i)) {
      mark(i, i + 2, QUOTE);
      i += 2;
      inlineHtml();
      continue;
    }
    if (startsWithAny(text, i, syntax.lineComments)) {
      let end = lineEnd(i);
      if (syntax.php) {
        const close = text.indexOf('?>', i);
        if (close !== -1 && close < end) end = close;
      }
      mark(i, end, COMMENT);
      i = end;
      continue;
    }
    const block = syntax.blockComment;
    if (block && text.startsWith(block[0], i)) {
      const close = text.indexOf(block[1], i + block[0].length);
      const end = close === -1 ? text.length : close + block[1].length;
      unterminated ||= close === -1;
      mark(i, end, COMMENT);
      i = end;
      continue;
    }
    if (syntax.php && text.startsWith('<<<', i)) {
      HEREDOC_OPEN.lastIndex = i;
      const opener = HEREDOC_OPEN.exec(text);
      if (opener) {
        const bodyStart = i + opener[0].length;
        mark(i, bodyStart, QUOTE);
        // PHP 7.3+ allows the closing identifier indented and followed by more code on its line.
        const closer = new RegExp(`^[ \\t]*${opener[2]}(?![A-Za-z0-9_\\x80-\\uffff])`, 'gm');
        closer.lastIndex = bodyStart;
        const close = closer.exec(text);
        const end = close ? close.index + close[0].length : text.length;
        unterminated ||= !close;
        mark(bodyStart, close ? close.index : end, TEXT);
        if (close) mark(close.index, end, QUOTE);
        i = end;
        continue;
      }
    }
    const string = stringAt(text, i, syntax.strings);
    if (string) {
      mark(i, i + string.open.length, QUOTE);
      let j = i + string.open.length;
      const stop = stopPattern(string);
      for (;;) {
        // As a test of each character in turn (close, line break, backslash), jumping to the next that can matter.
        while (j < text.length) {
          stop.lastIndex = j;
          if (!stop.test(text)) {
            j = text.length;
            break;
          }
          j = stop.lastIndex - 1;
          if (text.startsWith(string.close, j) || (!string.multiline && text[j] === '\n')) break;
          j += string.escape && text[j] === '\\' ? 2 : 1;
        }
        if (!string.doubled || !text.startsWith(string.close + string.close, j)) break;
        j += string.close.length * 2;
      }
      mark(i + string.open.length, j, TEXT);
      const closed = text.startsWith(string.close, j);
      if (closed) mark(j, j + string.close.length, QUOTE);
      unterminated ||= !closed && string.multiline;
      i = closed ? j + string.close.length : Math.min(j, text.length);
      continue;
    }
    i += 1;
  }
  return { kinds, unterminated, runs };
}

/** Whether one of `tokens` starts at `at` (a loop, not `some`: no closure per opener). */
function startsWithAny(text: string, at: number, tokens: readonly string[]): boolean {
  for (const token of tokens) if (text.startsWith(token, at)) return true;
  return false;
}

/** The first of `strings` whose opener starts at `at`. */
function stringAt(text: string, at: number, strings: readonly StringSyntax[]): StringSyntax | undefined {
  for (const string of strings) if (text.startsWith(string.open, at)) return string;
  return undefined;
}

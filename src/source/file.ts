// Source code as the doctor and the hook editor read it. Two masked copies keep every offset and line of the original:
// `code` has comments blanked out, `bare` also blanks the inside of string literals, so a pattern that
// matches `bare` is real code (not a comment, not text in a string) and braces balance.
import { extname } from 'node:path';
import { COMMENT, scanSource, SYNTAX, TEXT, type ScanResult, type Syntax } from '../source-scan.ts';

const SYNTAX_BY_EXTENSION: Record<string, Syntax> = {
  '.js': SYNTAX.javascript, '.mjs': SYNTAX.javascript, '.cjs': SYNTAX.javascript, '.ts': SYNTAX.javascript,
  '.java': SYNTAX.java,
  '.cs': SYNTAX.csharp,
  '.go': SYNTAX.go,
  '.py': SYNTAX.python,
  '.php': SYNTAX.php,
  '.xml': SYNTAX.xml,
};

let spaces = ' '.repeat(256);

/** Pushes `text.slice(start, end)` with every character but line breaks a space (slices of one string of spaces: no new string per line). */
function pushBlank(parts: string[], text: string, start: number, end: number): void {
  for (let at = start; at < end; ) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    if (lineEnd - at > spaces.length) spaces = ' '.repeat(lineEnd - at);
    if (lineEnd > at) parts.push(spaces.slice(0, lineEnd - at));
    if (lineEnd < end) parts.push('\n');
    at = lineEnd + 1;
  }
}

/**
 * `text` with the runs of `runs` (see ScanResult) blanked, comments always and string insides when
 * `strings`, line breaks kept. Built a run at a time from the scanner's runs: a string grown one
 * character at a time made a thousand small files cost more than their parsing, and finding the runs
 * again in the kinds cost a test per character.
 */
function masked(text: string, runs: readonly number[], strings: boolean): string {
  const parts: string[] = [];
  let kept = 0;
  for (let at = 0; at < runs.length; at += 3) {
    if (!strings && runs[at + 2] === TEXT) continue;
    const start = runs[at]!;
    if (start > kept) parts.push(text.slice(kept, start));
    kept = runs[at + 1]!;
    pushBlank(parts, text, start, kept);
  }
  if (parts.length === 0) return text;
  if (kept < text.length) parts.push(text.slice(kept));
  return parts.join('');
}

/** The syntax a file is scanned in, by its extension (C's for any other). */
export function syntaxOf(path: string): Syntax {
  return SYNTAX_BY_EXTENSION[extname(path)] ?? SYNTAX.c;
}

/** The global copies of the patterns `matches` is given, made once (the patterns are module constants). */
const globalPatterns = new WeakMap<RegExp, RegExp>();

function globalCopy(pattern: RegExp): RegExp {
  let copy = globalPatterns.get(pattern);
  if (!copy) globalPatterns.set(pattern, (copy = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g')));
  return copy;
}

export class SourceFile {
  readonly bare: string;
  private readonly lineStarts: number[] = [0];
  /** The scanner's runs, which `code` is made from when first asked for. */
  private readonly runs: readonly number[];
  private codeText?: string;

  /** `scanned`: the scan of `text` in syntaxOf(path), when the caller has made it (the hook editor checks it first). */
  constructor(
    readonly path: string,
    readonly text: string,
    scanned: ScanResult = scanSource(text, syntaxOf(path)),
  ) {
    this.runs = scanned.runs;
    this.bare = masked(text, scanned.runs, true);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /**
   * The text with comments blanked, strings kept. Made when first asked for: the doctor mostly reads
   * `bare` alone, and 1,000 files' copies it never read were kept (and copied by every scavenge) all run.
   */
  get code(): string {
    return (this.codeText ??= masked(this.text, this.runs, false));
  }

  /**
   * Whether `word` (no white space) is in `code`, without making it: an occurrence in the text of which
   * no character is in a comment.
   */
  codeIncludes(word: string): boolean {
    if (this.codeText !== undefined) return this.codeText.includes(word);
    for (let at = this.text.indexOf(word); at !== -1; at = this.text.indexOf(word, at + 1)) {
      if (!this.inComment(at, at + word.length)) return true;
    }
    return false;
  }

  /** Whether a comment run overlaps the offsets from `start` to `end`. */
  private inComment(start: number, end: number): boolean {
    for (let at = 0; at < this.runs.length && this.runs[at]! < end; at += 3) {
      if (this.runs[at + 2] === COMMENT && this.runs[at + 1]! > start) return true;
    }
    return false;
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset just past the bracket that closes the one at `open` (`(`, `[` or `{`), or -1. */
  closing(open: number): number {
    let depth = 0;
    for (let i = open; i < this.bare.length; i += 1) {
      const c = this.bare[i];
      if (c === '(' || c === '[' || c === '{') depth += 1;
      else if (c === ')' || c === ']' || c === '}') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }

  /**
   * The `{…}` body that follows the parameter list opening at `open` (after a return type, `throws …`
   * or Go results), as offsets of its braces; undefined for a declaration without a body or a call.
   */
  bodyAfter(open: number): { start: number; end: number } | undefined {
    const close = this.closing(open);
    const brace = close < 0 ? -1 : this.bare.indexOf('{', close);
    if (brace < 0 || /[;=]|=>/.test(this.bare.slice(close, brace))) return undefined;
    const end = this.closing(brace);
    return end < 0 ? undefined : { start: brace, end };
  }

  /**
   * The comma-separated items inside the bracket at `open` (a parameter list), as written (comments
   * dropped, strings kept); `angles` as for splitTopLevel.
   */
  items(open: number, angles = false): string[] {
    const close = this.closing(open);
    if (close < 0) return [];
    return splitTopLevel(this.bare.slice(open + 1, close - 1), angles).map(({ text, offset }) =>
      this.code.slice(open + 1 + offset, open + 1 + offset + text.length));
  }

  /**
   * Every match of `pattern` (global) in the bare text: real code only. A `^` pattern (flag m) is
   * searched whole too: V8 finds its line starts faster than a sticky try at each of them from here.
   */
  *matches(pattern: RegExp): Generator<RegExpExecArray> {
    const re = globalCopy(pattern);
    // Where the search goes on is kept here, not in the shared pattern: a caller may search again with it between two matches.
    for (let at = 0; ; ) {
      re.lastIndex = at;
      const match = re.exec(this.bare);
      if (!match) return;
      at = re.lastIndex;
      yield match;
    }
  }
}

/** One part of a comma-separated list: its trimmed text and the offset where that text starts. */
interface Part {
  text: string;
  offset: number;
}

/**
 * Splits a parameter, argument or object-literal list on its top-level commas (empty parts dropped).
 * `angles` also nests `<…>` (Java and C# generics); leave it off for JavaScript, where `=>` has a `>`.
 */
export function splitTopLevel(text: string, angles = false): Part[] {
  const parts: Part[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{' || (angles && c === '<')) depth += 1;
    else if (c === ')' || c === ']' || c === '}' || (angles && c === '>')) depth -= 1;
    if (i === text.length || (c === ',' && depth === 0)) {
      const raw = text.slice(start, i);
      const trimmed = raw.trim();
      if (trimmed) parts.push({ text: trimmed, offset: start + raw.indexOf(trimmed) });
      start = i + 1;
    }
  }
  return parts;
}

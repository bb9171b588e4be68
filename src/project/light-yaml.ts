// A light reader for the s.yaml people write: block mappings and sequences of scalars and one-line
// flow collections, with comments. It builds the yaml library's own nodes (Scalar, YAMLMap, YAMLSeq,
// Pair) with the ranges, values and types the library's parser gives them, in a Document made by the
// library, so every caller reads its result as it reads a parsed Document; it only skips the library's
// lexer, CST and composer, which took most of the time and memory of reading a 1,000-resource s.yaml.
// Anything outside that subset (anchors, aliases, merge keys, tags, directives, documents, block or
// multi-line scalars, tabs, duplicate keys, comments whose place in the ranges is unclear, any error)
// declines, and parse.ts parses the whole file with the library instead (test/light-yaml*.test.ts).
import { Document, isScalar, LineCounter, YAMLMap, YAMLSeq, type DocumentOptions, type Pair, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { lightPair } from './light-yaml-nodes.ts';
import { Decline, decline, ScalarReader } from './light-yaml-scalars.ts';

/** Characters that send the whole file to the library: tabs, CR, BOM, other line breaks and controls. */
const OUTSIDE = /[\t\r\uFEFF\u0085\u2028\u2029\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * The next line with content: where its content starts, its column (-1 at the end), and the comment
 * lines before it: the line start and column of the first, the deepest column (-1: none).
 */
interface Next {
  at: number;
  column: number;
  firstComment: { at: number; column: number } | undefined;
  comment: number;
}

class BlockReader extends ScalarReader {
  /** The start of the next line not read yet. */
  private pos = 0;

  /** The next line with content at or after the line start `at`. */
  private nextContent(at: number): Next {
    const { text } = this;
    let comment = -1;
    let firstComment: Next['firstComment'];
    for (;;) {
      const start = this.spaces(at);
      if (start >= text.length) return { at: text.length, column: -1, firstComment, comment };
      if (text[start] === '\n') at = start + 1;
      else if (text[start] === '#') {
        firstComment ??= { at, column: start - at };
        comment = Math.max(comment, start - at);
        at = this.lineEnd(start) + 1;
      } else {
        if (start === at && /^(---|\.\.\.)( |\n|$)|^%/.test(text.slice(at, at + 4))) decline();
        return { at: start, column: start - at, firstComment, comment };
      }
    }
  }

  private lineEnd(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end;
  }

  /** After a value on its line: spaces, an optional ` # comment`, the line break; returns the next line's start. */
  private endOfLine(at: number): number {
    const { text } = this;
    const after = this.spaces(at);
    if (after < text.length && text[after] !== '\n' && !(text[after] === '#' && after > at)) decline();
    return Math.min(this.lineEnd(after) + 1, text.length);
  }

  /** A value written on its key's (or dash's) line: a quoted or plain scalar, or a one-line flow collection. */
  private inline(at: number): Node {
    const { text } = this;
    const c = text[at]!;
    let found: { node: Node; end: number };
    if (c === '[' || c === '{') found = this.flow(at);
    else if (c === '"' || c === "'") found = this.quoted(at, false);
    else {
      const limit = this.valueLimit(at);
      // A `: ` in the value, or a `:` at its end before white space, would make it a mapping: searched in place, not in a copy.
      const colon = text.indexOf(': ', at);
      let last = limit;
      while (last > at && /\s/.test(text[last - 1]!)) last -= 1;
      if ((colon !== -1 && colon + 2 <= limit) || (last > at && text[last - 1] === ':')) decline();
      found = this.plain(at, limit, false);
    }
    const next = this.endOfLine(found.end);
    found.node.range![2] = next;
    this.pos = next;
    return found.node;
  }

  /** The value after `key:` or `-` at `at`: on the same line, or a block collection on the lines below. */
  private value(at: number, indent: number, inMap: boolean): Node {
    const { text } = this;
    const start = this.spaces(at);
    if (start < text.length && text[start] !== '\n' && text[start] !== '#') return this.inline(start);
    const lineEnd = this.lineEnd(start);
    const next = this.nextContent(Math.min(lineEnd + 1, text.length));
    const isSeq = this.isDash(next);
    if (next.column > indent || (inMap && next.column === indent && isSeq)) {
      if (next.comment > next.column) decline();
      return isSeq ? this.seq(next.at, next.column, inMap && next.column === indent) : this.map(next.at, next.column);
    }
    // `key:` with nothing: an empty scalar at the line's end, or at its comment, whose range then runs
    // to the next line's content (blank or comment lines after it change that: declined).
    this.pos = Math.min(lineEnd + 1, text.length);
    if (text[start] !== '#') {
      if (next.comment >= 0) decline();
      return this.scalar('', 'PLAIN', lineEnd, lineEnd, false);
    }
    const directly = next.column >= 0 ? next.at - next.column === lineEnd + 1 : lineEnd + 1 >= text.length;
    if (!directly) decline();
    const empty = this.scalar('', 'PLAIN', start, start, false);
    empty.range![2] = next.at;
    return empty;
  }

  private isDash(next: Next): boolean {
    return next.column >= 0 && this.text[next.at] === '-' && /[ \n]/.test(this.text[next.at + 1] ?? '\n');
  }

  /** The key at `at` and the position of its `:`; undefined when the line holds no `key:`. */
  private keyAt(at: number): { key: Node; colon: number } | undefined {
    const { text } = this;
    const c = text[at];
    if (c === '"' || c === "'") {
      const quoted = this.quoted(at, true);
      const colon = this.spaces(quoted.end);
      return text[colon] === ':' && /[ \n]/.test(text[colon + 1] ?? '\n') ? { key: quoted.node, colon } : undefined;
    }
    const limit = this.valueLimit(at);
    // Searched on this line only: a search to the file's next colon made a long list of items quadratic.
    let colon = at;
    while (colon < limit && !(text[colon] === ':' && (colon + 1 === limit || text[colon + 1] === ' '))) colon += 1;
    if (colon === limit) return undefined;
    if (colon === at || colon - at > 1000) decline();
    return { key: this.plain(at, colon, true).node, colon };
  }

  /** A block mapping whose first key is at `at`, in column `indent` (`first`: that key, when read already). */
  map(at: number, indent: number, first?: { key: Node; colon: number }): YAMLMap {
    return this.nested(() => this.mapAt(at, indent, first));
  }

  private mapAt(at: number, indent: number, first?: { key: Node; colon: number }): YAMLMap {
    const map = new YAMLMap(this.doc.schema);
    const keys = new Set<unknown>();
    const start = at;
    let end = at;
    for (;;) {
      const found = (at === start && first) || (this.keyAt(at) ?? decline());
      const key = (found.key as { value?: unknown }).value;
      if (keys.has(key) || key === '<<') decline();
      keys.add(key);
      const value = this.value(found.colon + 1, indent, true);
      map.items.push(lightPair(found.key, value));
      end = value.range![2];
      const next = this.nextContent(this.pos);
      if (next.column !== indent || this.isDash(next)) {
        map.range = [start, end, this.closing(next, indent, false, end)];
        return map;
      }
      if (next.comment > indent) decline();
      at = next.at;
    }
    return map;
  }

  /** A block sequence whose first `-` is at `at`, in column `indent` (`atKeyIndent`: in its parent key's column). */
  seq(at: number, indent: number, atKeyIndent = false): YAMLSeq {
    return this.nested(() => this.seqAt(at, indent, atKeyIndent));
  }

  private seqAt(at: number, indent: number, atKeyIndent: boolean): YAMLSeq {
    const { text } = this;
    const seq = new YAMLSeq(this.doc.schema);
    const start = at;
    let end = at;
    for (;;) {
      const after = this.spaces(at + 1);
      if (text[after] === '-' && /[ \n]/.test(text[after + 1] ?? '\n')) decline();
      const compact = after < text.length && text[after] !== '\n' && text[after] !== '#' ? this.keyAt(after) : undefined;
      const item = compact ? this.map(after, after - this.lineStartOf(after), compact) : this.value(at + 1, indent, false);
      // An empty item (`-` alone) ends where the library puts it after comments and blank lines: declined.
      if (isScalar(item) && item.source === '') decline();
      seq.items.push(item);
      end = item.range![2];
      const next = this.nextContent(this.pos);
      if (next.column !== indent || !this.isDash(next)) {
        seq.range = [start, end, this.closing(next, indent, atKeyIndent, end)];
        return seq;
      }
      if (next.comment > indent) decline();
      at = next.at;
    }
    return seq;
  }

  /**
   * Checks what follows a collection's last item, less indented content (or, for a sequence in its
   * parent key's column, the next key) or the end, and returns where the collection's range ends.
   * Comment lines there belong to the innermost collection whose column is at most the first one's:
   * when that is this one, its range runs over them to the next content; when it is an enclosing one,
   * they are left for it to read. Comments at the end of the file are in no range when all are in
   * column 0 after a nested collection; other placements are not modelled here.
   */
  private closing(next: Next, indent: number, atKeyIndent: boolean, end: number): number {
    if (next.column > indent || (next.column === indent && !atKeyIndent)) decline();
    this.pos = next.at - Math.max(next.column, 0);
    const first = next.firstComment;
    if (!first) return end;
    if (next.column < 0) {
      if (next.comment > 0 || indent === 0) decline();
      return end;
    }
    if (first.column < indent) {
      this.pos = first.at;
      return end;
    }
    if (next.comment > indent || atKeyIndent) decline();
    return next.at;
  }

  private lineStartOf(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** One `key: value` entry of a block mapping (see lightParseEntry), and where the mapping's next key's line starts. */
  entry(at: number, indent: number, depth: number): { pair: Pair; next: number } {
    this.depth = depth;
    const found = this.keyAt(at) ?? decline();
    const value = this.value(found.colon + 1, indent, true);
    // What mapAt does after an entry that another follows.
    const next = this.nextContent(this.pos);
    if (next.column !== indent || this.isDash(next) || next.comment > indent) decline();
    return { pair: lightPair(found.key, value), next: next.at - next.column };
  }

  /** The top-level block mapping. */
  top(): YAMLMap {
    const next = this.nextContent(0);
    if (next.column !== 0) decline();
    return this.map(next.at, 0);
  }
}

type Options = DocumentOptions & SchemaOptions & ParseOptions;

/** What `read` gets from a reader of `text`, with the Document it builds nodes for; undefined when it declines. */
function readWith<T>(text: string, options: Options, read: (reader: BlockReader) => T): { doc: Document.Parsed; result: T } | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const doc = new Document(undefined, options) as Document.Parsed;
  try {
    return { doc, result: read(new BlockReader(text, doc)) };
  } catch (error) {
    // Nesting deeper than the stack allows (in case MAX_DEPTH does not stop it first): the library reports it.
    if (error instanceof Decline || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * s.yaml read by the light reader into a Document of the library's nodes (no errors), with its line
 * counter; undefined when the text is outside the reader's subset.
 */
export function lightParse(text: string, options: Options): { doc: Document.Parsed; lines: LineCounter } | undefined {
  const read = readWith(text, options, (reader) => reader.top());
  if (!read) return undefined;
  read.doc.contents = read.result as Document.Parsed['contents'];
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return { doc: read.doc, lines };
}

/**
 * One entry `key: value` of a block mapping in column `indent`, `depth` collections deep, whose key is
 * at `at`, read as lightParse reads it inside the whole text, with the start of the line of the key that
 * must follow it in that mapping; undefined otherwise. The reader's state there is the same as at `at`,
 * so a text that lightParse read, changed only inside one such entry, reads as that text with this
 * entry in its place: the check of an edit reads the edited entry alone (s-yaml-verify.ts).
 */
export function lightParseEntry(text: string, at: number, indent: number, depth: number, options: Options): { doc: Document.Parsed; pair: Pair; next: number } | undefined {
  const read = readWith(text, options, (reader) => reader.entry(at, indent, depth));
  return read && { doc: read.doc, ...read.result };
}

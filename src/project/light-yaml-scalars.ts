// The scalars and one-line flow collections of the light s.yaml reader (light-yaml.ts): plain,
// single- and double-quoted scalars typed by the yaml library's own schema tags (so `true`, `~`,
// `0x1F`, `1e3` and `.inf` resolve exactly as the library resolves them), and `[a, b]` / `{k: v}` on
// one line. Anything else throws Decline, and the library parses the whole file instead.
import { isScalar, YAMLMap, YAMLSeq, type Document, type Node, type Scalar } from 'yaml';
import { lightPair, lightScalar } from './light-yaml-nodes.ts';

/** The text is outside the light reader's subset: parse it with the library. */
export class Decline extends Error {}

export function decline(): never {
  throw new Decline();
}

/** Characters that may not start a plain scalar here (YAML indicators); `-` is allowed before a non-space. */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const FLOW_INDICATOR = new Set([',', '[', ']', '{', '}']);
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
/**
 * The plain scalars that a core schema tag (null, bool, int, float, merge) may resolve: by the first
 * character, and a word only as a whole (null, true, false); any other is a string, without trying
 * each tag's pattern (most keys and values, `timeout`, `functionName` and `nodejs20` among them).
 */
const MAY_BE_TYPED = /^(?:$|[~0-9+\-.<]|(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$)/;
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

export interface ScalarAt {
  node: Scalar;
  /** Just after the scalar's last character. */
  end: number;
}

/**
 * Collections nested deeper than this decline: the library reports nesting too deep for its stack as
 * an error of the file, and expanding such a value to data would exhaust the stack too.
 */
const MAX_DEPTH = 100;

export class ScalarReader {
  /** How many collections deep the reader is. */
  protected depth = 0;

  constructor(
    readonly text: string,
    protected readonly doc: Document,
  ) {}

  /** Reads a collection one level deeper. */
  protected nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) decline();
    try {
      return read();
    } finally {
      this.depth -= 1;
    }
  }

  /** A scalar node as the library composes it: typed by the schema when plain, with its source and type. */
  scalar(source: string, type: Scalar.Type, start: number, end: number, atKey: boolean): Scalar {
    if (type !== 'PLAIN' || !MAY_BE_TYPED.test(source)) return lightScalar(source, [start, end, end], source, type);
    const tag = this.doc.schema.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
    if (tag?.default === 'key' || (tag && !('resolve' in tag))) decline();
    const resolved = tag ? (tag.resolve as (value: string, onError: () => never, options: object) => unknown)(source, decline, this.doc.options) : source;
    if (!isScalar(resolved)) return lightScalar(resolved, [start, end, end], source, type, tag?.format);
    // A tag's own Scalar (null, true, false): the library's composer fills in this one, in this order.
    resolved.range = [start, end, end];
    (resolved as Scalar & { source: string }).source = source;
    resolved.type = type;
    if (tag?.format) resolved.format = tag.format;
    return resolved;
  }

  /** A quoted scalar starting at `at` and closed on the same line. */
  quoted(at: number, atKey: boolean): ScalarAt {
    const { text } = this;
    const quote = text[at];
    let value = '';
    let i = at + 1;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') decline();
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (c === '\\' && quote === '"') {
        const e = text[i + 1] ?? decline();
        const length = HEX_LENGTH[e];
        if (length !== undefined) {
          const hex = text.slice(i + 2, i + 2 + length);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length || parseInt(hex, 16) > 0x10ffff) decline();
          value += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + length;
        } else {
          value += ESCAPES[e] ?? decline();
          i += 2;
        }
        continue;
      }
      value += c;
      i += 1;
    }
    return { node: this.scalar(value, quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, i + 1, atKey), end: i + 1 };
  }

  /** A plain scalar from `at` to `limit` (the line's end or a comment), trailing spaces dropped. */
  plain(at: number, limit: number, atKey: boolean): ScalarAt {
    const { text } = this;
    const first = text[at]!;
    if (INDICATOR.has(first) && !(first === '-' && text[at + 1] !== undefined && !/[\s,[\]{}]/.test(text[at + 1]!))) decline();
    let end = limit;
    while (end > at && text[end - 1] === ' ') end -= 1;
    return { node: this.scalar(text.slice(at, end), 'PLAIN', at, end, atKey), end };
  }

  /** Where a comment starts on the line of `at` (` #`), or the line's end. */
  valueLimit(at: number): number {
    const { text } = this;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    for (let i = at + 1; i < end; i += 1) if (text[i] === '#' && text[i - 1] === ' ') return i - 1;
    return end;
  }

  /** A flow sequence or mapping (`[` / `{` at `at`) closed on the same line; nested flow collections allowed. */
  flow(at: number): { node: YAMLSeq | YAMLMap; end: number } {
    return this.nested(() => this.flowAt(at));
  }

  private flowAt(at: number): { node: YAMLSeq | YAMLMap; end: number } {
    const { text } = this;
    const isMap = text[at] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    let i = this.spaces(at + 1);
    if (text[i] === close) {
      node.range = [at, i + 1, i + 1];
      return { node, end: i + 1 };
    }
    for (;;) {
      const item = this.flowItem(i, isMap);
      let after = item.end;
      if (isMap) {
        if (text[after] !== ':' || text[after + 1] !== ' ') decline();
        const value = this.flowItem(this.spaces(after + 1), false);
        (node as YAMLMap).items.push(lightPair(item.node, value.node));
        after = value.end;
      } else (node as YAMLSeq).items.push(item.node);
      i = after;
      if (text[i] === close) break;
      if (text[i] !== ',') decline();
      i = this.spaces(i + 1);
      if (text[i] === close || text[i] === ',') decline();
    }
    node.range = [at, i + 1, i + 1];
    return { node, end: i + 1 };
  }

  /** One item of a flow collection; `end` is after the spaces that follow it (the library's range[2]). */
  private flowItem(at: number, atKey: boolean): { node: Node; end: number } {
    const { text } = this;
    const c = text[at];
    let found: { node: Node; end: number };
    if (c === '[' || c === '{') {
      if (atKey) decline();
      found = this.flow(at);
    } else if (c === '"' || c === "'") found = this.quoted(at, atKey);
    else {
      let end = at;
      while (end < text.length && !FLOW_INDICATOR.has(text[end]!) && text[end] !== '\n' && !(text[end] === ':' && /[\s,[\]{}]/.test(text[end + 1] ?? ' ')) && !(text[end] === '#' && text[end - 1] === ' ')) end += 1;
      if (end === at || text[end] === '#') decline();
      found = this.plain(at, end, atKey);
    }
    const after = this.spaces(found.end);
    if (!atKey) found.node.range![2] = after;
    return { node: found.node, end: atKey ? found.end : after };
  }

  spaces(at: number): number {
    while (this.text[at] === ' ') at += 1;
    return at;
  }
}

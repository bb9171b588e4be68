// Values of a parsed s.yaml with the line of each, read the way fc3 reads them: aliases followed, `<<`
// merge keys looked through, `${vars.x}` replaced from the top-level vars. Only the values asked for are
// turned into plain data, never the whole document (a 1,000-resource s.yaml would be copied whole).
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { refuseAliasBombs } from '../yaml-data.ts';

export class YamlReader {
  /** The top-level vars as plain data, read at the first `${vars.x}`. */
  private vars: { data: unknown } | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  line(node: Node): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line;
  }

  /** Follows an alias to the node it names. */
  deref(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /**
   * A node's plain data (null for anything but a scalar, map or sequence); an alias bomb is refused first.
   * A scalar's is its value, as the library's toJS gives it, without the context (and anchor Map) that
   * toJS makes per call: a 1,000-resource s.yaml asks for some 12,000 scalars.
   */
  data(node: unknown): unknown {
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return null;
    refuseAliasBombs(this.doc);
    return isScalar(node) ? node.value : node.toJS(this.doc);
  }

  /** The value node of `key` in a map, looking through `<<` merge keys as fc3's YAML loader does. */
  get(map: YAMLMap, key: string): { keyNode: Node; value: unknown } | undefined {
    // Made at the first merge key: most maps have none.
    let merged: unknown[] | undefined;
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? pair.key.value : pair.key;
      if (name === key && isScalar(pair.key)) return { keyNode: pair.key, value: this.deref(pair.value) };
      const isMerge = name === '<<' || (typeof name === 'symbol' && name.description === '<<');
      if (isMerge) {
        const source = this.deref(pair.value);
        (merged ??= []).push(...(isSeq(source) ? source.items.map((item) => this.deref(item)) : [source]));
      }
    }
    for (const source of merged ?? []) {
      const found = isMap(source) ? this.get(source, key) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  map(node: YAMLMap, key: string): YAMLMap | undefined {
    const value = this.get(node, key)?.value;
    return isMap(value) ? value : undefined;
  }

  /** A value with its line; `${vars.x}` references are substituted, other `${…}` make it undefined. */
  value(map: YAMLMap, key: string): { value: unknown; line: number } | undefined {
    const found = this.get(map, key);
    if (!found) return undefined;
    return { value: this.substitute(this.data(found.value)), line: this.line(found.keyNode) };
  }

  /** `value(map, key)?.value`: without the line, which is a search of the line starts (a 1,000-resource s.yaml has 40,000). */
  plainValue(map: YAMLMap, key: string): unknown {
    const found = this.get(map, key);
    return found && this.substitute(this.data(found.value));
  }

  private substitute(data: unknown): unknown {
    if (typeof data !== 'string' || !data.includes('${')) return data;
    const whole = /^\$\{\s*vars\.([\w.-]+)\s*\}$/.exec(data);
    if (whole) return this.lookup(whole[1]!);
    const text = data.replace(/\$\{\s*vars\.([\w.-]+)\s*\}/g, (ref, path: string) => {
      const value = this.lookup(path);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : ref;
    });
    return text.includes('${') ? undefined : text;
  }

  private lookup(path: string): unknown {
    if (!this.vars) {
      const top = this.doc.contents;
      this.vars = { data: this.data(isMap(top) ? this.get(top, 'vars')?.value : undefined) };
    }
    let value = this.vars.data;
    for (const part of path.split('.')) {
      // Own keys only: `${vars.constructor}` is not a variable.
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value;
  }
}

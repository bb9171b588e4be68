// The differential check of the light s.yaml reader: for one text and mode, either it declines, or its
// Document has exactly the library's nodes (classes, values, sources, types, formats, ranges, own
// fields and their order and attributes, kinds, copies), data and line starts. The library must also
// accept what the light reader accepts.
import { expect } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { lightParse } from '../../src/project/light-yaml.ts';
import { OPTIONS, type ParseMode } from '../../src/project/parse.ts';

/** Everything a caller can read from a node, as plain data. */
function shape(node: unknown): unknown {
  if (isScalar(node)) {
    const { value, range, source, type, format, tag, minFractionDigits } = node as typeof node & { source?: string; minFractionDigits?: number };
    return { value, range, source, type, format, tag, minFractionDigits };
  }
  if (isMap(node)) return { map: node.items.map((pair) => [shape(pair.key), shape(pair.value)]), range: node.range, flow: Boolean(node.flow), tag: node.tag, anchor: node.anchor };
  if (isSeq(node)) return { seq: node.items.map(shape), range: node.range, flow: Boolean(node.flow), tag: node.tag, anchor: node.anchor };
  return { other: String(node) };
}

/** The attributes of a property descriptor, without its value. */
const attributes = (descriptor: PropertyDescriptor | undefined) => descriptor && { writable: descriptor.writable, enumerable: descriptor.enumerable, configurable: descriptor.configurable };

/** The descriptor of `key` where `object` or its prototype chain holds it. */
function inherited(object: object, key: PropertyKey): PropertyDescriptor | undefined {
  for (let at: object | null = object; at; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, key);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/**
 * The fields in which the library keeps the comments and blank lines around a node: the light reader
 * keeps none (no caller reads them: the editor edits the text), so they are left out of `structure`.
 */
const COMMENT_FIELDS = new Set(['comment', 'commentBefore', 'spaceBefore']);

/**
 * How a node is built, as plain data, for every node under it: its class (constructor, instanceof),
 * its own string keys in order with their attributes, every symbol property it answers (the library's
 * kind) with its value and attributes, and what a copy by spread or Object.assign holds. The light
 * reader may hold a symbol in a prototype between the node and its class; anything else differs here.
 */
function structure(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return { primitive: typeof node };
  const library = [Scalar, Pair, YAMLMap, YAMLSeq].find((type) => node instanceof type)?.name;
  const symbols = [...new Set([...Object.getOwnPropertySymbols(node), ...Object.getOwnPropertySymbols(Object.getPrototypeOf(node) ?? {})])];
  const record = node as Record<PropertyKey, unknown>;
  return {
    library,
    constructor: (node as { constructor?: { name: string } }).constructor?.name,
    own: Object.getOwnPropertyNames(node).filter((key) => !COMMENT_FIELDS.has(key)).map((key) => [key, attributes(Object.getOwnPropertyDescriptor(node, key))]),
    symbols: symbols.map((symbol) => [String(symbol), String(record[symbol]), attributes(inherited(node, symbol))]),
    spread: Reflect.ownKeys({ ...node }).map(String).filter((key) => !COMMENT_FIELDS.has(key)),
    children: isPair(node) ? [structure(node.key), structure(node.value)] : isMap(node) || isSeq(node) ? node.items.map(structure) : [],
    clone: isScalar(node) || isMap(node) || isSeq(node) ? shape(node.clone()) : undefined,
  };
}

export function compareLight(text: string, mode: ParseMode): 'declined' | 'same' {
  const light = lightParse(text, OPTIONS[mode]);
  if (!light) return 'declined';
  const lines = new LineCounter();
  const library = parseDocument(text, { lineCounter: lines, ...OPTIONS[mode] });
  expect(library.errors.map((error) => error.message), text).toEqual([]);
  expect(shape(light.doc.contents), text).toEqual(shape(library.contents));
  expect(structure(light.doc.contents), text).toEqual(structure(library.contents));
  expect(light.doc.toJS(), text).toEqual(library.toJS());
  expect(light.lines.lineStarts, text).toEqual(lines.lineStarts);
  return 'same';
}

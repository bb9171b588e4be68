// The differential check of the light s.yaml reader: for one text and mode, either it declines, or its
// Document has exactly the library's nodes (classes, values, sources, types, formats, ranges), data
// and line starts. The library must also accept what the light reader accepts.
import { expect } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
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

export function compareLight(text: string, mode: ParseMode): 'declined' | 'same' {
  const light = lightParse(text, OPTIONS[mode]);
  if (!light) return 'declined';
  const lines = new LineCounter();
  const library = parseDocument(text, { lineCounter: lines, ...OPTIONS[mode] });
  expect(library.errors.map((error) => error.message), text).toEqual([]);
  expect(shape(light.doc.contents), text).toEqual(shape(library.contents));
  expect(light.doc.toJS(), text).toEqual(library.toJS());
  expect(light.lines.lineStarts, text).toEqual(lines.lineStarts);
  return 'same';
}

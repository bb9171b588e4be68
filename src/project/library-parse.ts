// The yaml library's parser (its Lexer, Parser and Composer, about half of the library), for the s.yaml
// files the light reader declines. parse.ts loads this module with import() only then, so that a run
// whose s.yaml the light reader reads (most are) does not load and compile it.
import { LineCounter, parseDocument, type Document } from 'yaml';

/** s.yaml parsed by the library with `options` (parse.ts's OPTIONS of a mode), and the line of every offset. */
export function parseWithLibrary(text: string, options: object): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, ...options }), lines };
}

// s.yaml's text parsed once per run into the yaml library's Document, in one of two ways:
// - `read` (doctor, run): duplicate keys allowed and `<<` merge keys followed, as fc3's YAML loader does;
// - `edit` (add/remove): duplicate keys refused, since an edit must know which key it changes.
// Nothing mutates a parsed Document, so the reader and the editor share it.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fail } from '../errors.ts';
import { yamlErrorRule } from '../yaml-error.ts';
import { YamlReader } from './yaml-reader.ts';

export type ParseMode = 'read' | 'edit';

const OPTIONS = {
  read: { merge: true, uniqueKeys: false },
  edit: { prettyErrors: false, uniqueKeys: true },
} as const;

// The last text parsed and its Document: one add/remove asks for the same text's Document many times
// (hook states, each edit, its check), and a large s.yaml took seconds per parse.
let lastParsed: { text: string; mode: ParseMode; doc: Document.Parsed } | undefined;
const readers = new WeakMap<Document.Parsed, YamlReader>();

/** s.yaml's Document; InputError when it is not valid YAML. */
export function parseSYaml(text: string, mode: ParseMode = 'edit'): Document.Parsed {
  const doc = tryParseSYaml(text, mode);
  if (doc.errors[0]) fail('s.yaml', yamlErrorRule(text, doc.errors[0]));
  return doc;
}

/**
 * s.yaml's Document, with the errors it has (an edit's check reports its own). Only a Document
 * without errors is kept for the next call: the one before it is then let go, so that two Documents
 * of a large s.yaml are not held at once.
 */
export function tryParseSYaml(text: string, mode: ParseMode = 'edit'): Document.Parsed {
  if (lastParsed?.text === text && lastParsed.mode === mode) return lastParsed.doc;
  lastParsed = undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, ...OPTIONS[mode] });
  if (doc.errors.length > 0) return doc;
  readers.set(doc, new YamlReader(doc, lines));
  lastParsed = { text, mode, doc };
  return doc;
}

/** The reader of a Document parseSYaml returned. */
export function readerOf(doc: Document.Parsed): YamlReader {
  const reader = readers.get(doc);
  if (!reader) throw new Error('internal: s.yaml Document not from parseSYaml');
  return reader;
}

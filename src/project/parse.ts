// s.yaml's text parsed once per run into a Document of the yaml library's nodes, in one of two ways:
// - `read` (doctor, run): duplicate keys allowed and `<<` merge keys followed, as fc3's YAML loader does;
// - `edit` (add/remove): duplicate keys refused, since an edit must know which key it changes.
// Nothing mutates a parsed Document, so the reader and the editor share it. The light reader
// (light-yaml.ts) builds it when the text is in its subset, as most s.yaml files are: the library's
// parser takes about ten times its time and memory; anything else is parsed by the library, whose
// parser is loaded (library-parse.ts, with import()) only then: hence the two functions are async.
import type { Document } from 'yaml';
import { fail } from '../errors.ts';
import { markAliasFree } from '../yaml-data.ts';
import { yamlErrorRule } from '../yaml-error.ts';
import { lightParse } from './light-yaml.ts';
import { YamlReader } from './yaml-reader.ts';
import { compileWithoutInlining, keepYoungGenerationSmall, LARGE_S_YAML } from '../heap.ts';

export type ParseMode = 'read' | 'edit';

/** The library's options of each mode; the light reader builds its Document with the same. */
export const OPTIONS = {
  read: { merge: true, uniqueKeys: false },
  edit: { prettyErrors: false, uniqueKeys: true },
} as const;

// The last text parsed and its Document: one add/remove asks for the same text's Document many times
// (hook states, each edit, its check), and a large s.yaml took seconds per parse.
let lastParsed: { text: string; mode: ParseMode; doc: Document.Parsed } | undefined;
const readers = new WeakMap<Document.Parsed, YamlReader>();
const lightRead = new WeakSet<Document.Parsed>();

/** s.yaml's Document; InputError when it is not valid YAML. */
export async function parseSYaml(text: string, mode: ParseMode = 'edit'): Promise<Document.Parsed> {
  const doc = await tryParseSYaml(text, mode);
  if (doc.errors[0]) fail('s.yaml', yamlErrorRule(text, doc.errors[0]));
  return doc;
}

/**
 * s.yaml's Document, with the errors it has (an edit's check reports its own). Only a Document
 * without errors is kept for the next call: the one before it is then let go, so that two Documents
 * of a large s.yaml are not held at once.
 */
export async function tryParseSYaml(text: string, mode: ParseMode = 'edit'): Promise<Document.Parsed> {
  if (lastParsed?.text === text && lastParsed.mode === mode) return lastParsed.doc;
  lastParsed = undefined;
  // A large s.yaml (a monorepo's) means a run that allocates a lot and runs hot code briefly: its
  // memory stays bounded, and TurboFan does not inline (src/heap.ts).
  if (text.length > LARGE_S_YAML) {
    compileWithoutInlining();
    keepYoungGenerationSmall();
  }
  const light = lightParse(text, OPTIONS[mode]);
  if (light) {
    markAliasFree(light.doc);
    lightRead.add(light.doc);
  }
  const { doc, lines } = light ?? (await import('./library-parse.ts')).parseWithLibrary(text, OPTIONS[mode]);
  if (doc.errors.length > 0) return doc;
  readers.set(doc, new YamlReader(doc, lines));
  lastParsed = { text, mode, doc };
  return doc;
}

/** Whether the light reader read a Document parseSYaml returned (see lightParseEntry). */
export function isLightRead(doc: Document.Parsed): boolean {
  return lightRead.has(doc);
}

/** The reader of a Document parseSYaml returned. */
export function readerOf(doc: Document.Parsed): YamlReader {
  const reader = readers.get(doc);
  if (!reader) throw new Error('internal: s.yaml Document not from parseSYaml');
  return reader;
}

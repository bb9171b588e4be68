// s.yaml's text parsed once per run into the yaml library's Document, in one of two ways:
// - `read` (doctor, run): duplicate keys allowed and `<<` merge keys followed, as fc3's YAML loader does;
// - `edit` (add/remove): duplicate keys refused, since an edit must know which key it changes.
// Nothing mutates a parsed Document, so the reader and the editor share it.
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { fail } from '../errors.ts';
import { yamlErrorRule } from '../yaml-error.ts';
import { yamlData } from '../yaml-data.ts';

export type ParseMode = 'read' | 'edit';

const OPTIONS = {
  read: { merge: true, uniqueKeys: false },
  edit: { prettyErrors: false, uniqueKeys: true },
} as const;

// The last text parsed and its Document: one add/remove asks for the same text's Document many times
// (hook states, each edit, its check), and a large s.yaml took seconds per parse.
let lastParsed: { text: string; mode: ParseMode; doc: Document.Parsed; lines: LineCounter } | undefined;

function parsed(text: string, mode: ParseMode): { doc: Document.Parsed; lines: LineCounter } {
  if (lastParsed?.text === text && lastParsed.mode === mode) return lastParsed;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, ...OPTIONS[mode] });
  const error = doc.errors[0];
  if (error) fail('s.yaml', yamlErrorRule(text, error));
  lastParsed = { text, mode, doc, lines };
  return lastParsed;
}

/** s.yaml's Document (InputError when it is not valid YAML, or expands its aliases too often). */
export function parseSYaml(text: string, mode: ParseMode = 'edit'): Document.Parsed {
  return parsed(text, mode).doc;
}

/** The Document with its line counter, for readers that report lines. */
export function parseSYamlWithLines(text: string, mode: ParseMode): { doc: Document.Parsed; lines: LineCounter } {
  return parsed(text, mode);
}

const checked = new WeakSet<Document.Parsed>();

/**
 * Refuses, as one line (src/yaml-data.ts), an alias bomb anywhere in s.yaml. Only a document with an
 * alias can be one, so only such a document is expanded to plain data to find out: expanding a large
 * s.yaml without aliases would cost about as much as parsing it.
 */
export function refuseAliasBombs(doc: Document.Parsed): void {
  if (checked.has(doc)) return;
  let hasAlias = false;
  visit(doc, {
    Alias() {
      hasAlias = true;
      return visit.BREAK;
    },
  });
  if (hasAlias) yamlData(doc);
  checked.add(doc);
}


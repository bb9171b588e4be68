// The check of every s.yaml edit: the edited text must parse to the old data with exactly the intended
// change to one hook. Checked without expanding the whole document to data (a 1,000-resource s.yaml
// would be copied twice) and without two Documents of it alive at once: before the edit, where every
// top-level entry and every resource is (an outline) and what the edited resource must become; after
// it, the edited resource's data, and every other entry at the same place in the text (shifted by the
// edit when after it). Text outside the edited span must be unchanged, and an entry with the same
// text at the same place parses to the same data (the edited resource has no anchors:
// editableProps), so the rest of the document is unchanged too. When the light reader read the text
// and another resource follows the edited one, only the edited resource is read again (entryVerified).
import { sameData } from '../same-data.ts';
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { fail } from '../errors.ts';
import { lightParseEntry } from '../project/light-yaml.ts';
import { isLightRead, OPTIONS, tryParseSYaml } from '../project/parse.ts';
import { lineStart } from '../source/text.ts';
import type { HookKind } from './types.ts';

const LIFECYCLE = 'instanceLifecycleConfig';

/** Where an entry of s.yaml is: its path (a top-level key, or `resources` and a resource key) and span. */
interface Entry {
  path: string;
  start: number;
  end: number;
}

export interface EditCheck {
  resource: string;
  kind: HookKind;
  outline: Entry[];
  /** The edited resource's data after the edit. */
  expected: unknown;
  /** Whether the light reader read the document before the edit, so that the edited entry can be read alone. */
  lightRead: boolean;
}

export interface HookChange {
  fields: Record<string, unknown>;
  drop: string[];
}

export function isEmptyCommand(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function entries(map: YAMLMap, prefix: string): Entry[] {
  return map.items.flatMap((pair) => {
    const key = pair.key as Node | null;
    if (!key?.range) return [];
    const value = pair.value as Node | null;
    return [{ path: prefix + String(isScalar(key) ? key.value : key), start: key.range[0], end: value?.range?.[1] ?? key.range[1] }];
  });
}

function outline(doc: Document.Parsed): Entry[] {
  const top = doc.contents;
  if (!isMap(top)) return [];
  const resources = top.get('resources', true);
  return [...entries(top, ''), ...(isMap(resources) ? entries(resources, 'resources.') : [])];
}

/** What the check needs from the document before the edit. */
export function editCheck(doc: Document.Parsed, resource: string, kind: HookKind, change: HookChange): EditCheck {
  const expected = (doc.getIn(['resources', resource], true) as Node).toJS(doc) as Record<string, any>;
  const lifecycle = (expected.props[LIFECYCLE] ??= {});
  const hook: Record<string, unknown> = { ...(lifecycle[kind] ?? {}), ...change.fields };
  for (const name of change.drop) if (name in hook && isEmptyCommand(hook[name])) delete hook[name];
  lifecycle[kind] = hook;
  return { resource, kind, outline: outline(doc), expected, lightRead: isLightRead(doc) };
}

/** Throws InputError unless `result`, the `text` edited between `editStart` and `editEnd`, passes `check`. */
export async function verifyEdit(check: EditCheck, text: string, result: string, editStart: number, editEnd: number): Promise<void> {
  const { resource, kind } = check;
  const refuse = () => fail('s.yaml', `cannot edit ${LIFECYCLE}.${kind} of resources.${resource} safely (unusual formatting); edit s.yaml by hand`);
  const delta = result.length - text.length;
  if (result.slice(0, editStart) !== text.slice(0, editStart) || result.slice(editEnd + delta) !== text.slice(editEnd)) refuse();
  if (check.lightRead && entryVerified(check, text, result, editStart, editEnd, refuse)) return;
  const after = await tryParseSYaml(result);
  if (after.errors.length > 0) refuse();
  const moved = outline(after);
  if (moved.length !== check.outline.length) refuse();
  const edited = new Set(['resources', `resources.${resource}`]);
  const shifted = (at: number) => (at < editStart ? at : at >= editEnd ? at + delta : -1);
  check.outline.forEach((entry, i) => {
    const now = moved[i]!;
    if (now.path !== entry.path || now.start !== shifted(entry.start)) refuse();
    if (!edited.has(entry.path) && now.end !== shifted(entry.end)) refuse();
  });
  const node = after.getIn(['resources', resource], true) as Node | undefined;
  if (!node || !sameData(node.toJS(after), check.expected)) refuse();
}

/**
 * The check without reading the whole edited text, when the light reader read the text before it, the
 * edit is inside the edited resource's entry and another resource follows: the edited text then reads
 * as the old one with only that entry changed if the entry alone reads up to the next resource's line,
 * where it was before (lightParseEntry), so its data is all there is to check. False when that does not
 * hold, and the whole edited text is read instead.
 */
function entryVerified(check: EditCheck, text: string, result: string, editStart: number, editEnd: number, refuse: () => never): boolean {
  const index = check.outline.findIndex((entry) => entry.path === `resources.${check.resource}`);
  const entry = check.outline[index];
  const following = check.outline[index + 1];
  if (!entry || !following?.path.startsWith('resources.')) return false;
  const nextLine = lineStart(text, following.start);
  if (editStart <= entry.start || editEnd > nextLine) return false;
  // `resources` is a mapping in the top-level one: its entries are two collections deep.
  const read = lightParseEntry(result, entry.start, entry.start - lineStart(text, entry.start), 2, OPTIONS.edit);
  if (!read || read.next !== nextLine + result.length - text.length || !isScalar(read.pair.key) || read.pair.key.value !== check.resource) return false;
  if (!sameData((read.pair.value as Node).toJS(read.doc), check.expected)) refuse();
  return true;
}

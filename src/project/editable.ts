// The fc3 resource add/remove edit: the one asked for or the only one, and its props only when they
// can be edited as text without changing anything else (no anchors, aliases or merge keys).
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { fail } from '../errors.ts';
import { readerOf } from './parse.ts';
import { fc3Entries, isServerlessDevs2 } from './resources.ts';
import { firstNode } from '../yaml-data.ts';

const FIELD = 's.yaml';

/** Keys of the resources whose component is fc3. */
export function fc3Resources(doc: Document.Parsed): string[] {
  return fc3Entries(readerOf(doc), doc.contents).map((entry) => entry.key);
}

/** The fc3 resource to edit: the one asked for, or the only one. */
export function chooseResource(doc: Document.Parsed, requested?: string): string {
  const keys = fc3Resources(doc);
  if (requested !== undefined) {
    if (!keys.includes(requested)) fail('resource', `s.yaml has no fc3 resource "${requested}"; its fc3 resources: ${keys.join(', ') || 'none'}`);
    return requested;
  }
  if (keys.length === 0) {
    const legacy = isServerlessDevs2(readerOf(doc), doc.contents) ? ' (this looks like a Serverless Devs 2.x file: migrate it with `s cli fc3 s2tos3`)' : '';
    fail(FIELD, `no resource with component: fc3 under resources${legacy}`);
  }
  if (keys.length > 1) fail('resource', `s.yaml has several fc3 resources (${keys.join(', ')}); choose one with --resource <key>`);
  return keys[0]!;
}

/** The resource's props as a block mapping that is safe to edit: no anchors, aliases or merge keys in the resource. */
export function editableProps(doc: Document.Parsed, text: string, resource: string): YAMLMap {
  const line = (node: Node) => readerOf(doc).line(node);
  const node = doc.getIn(['resources', resource], true) as Node | undefined;
  const where = `resources.${resource}`;
  if (!isMap(node)) fail(FIELD, `${where} is not a mapping`);
  for (const holder of [doc.contents, doc.get('resources', true), node] as unknown[]) {
    if (isMap(holder) && holder.anchor) fail(FIELD, `${where} is inside a YAML anchor (&${holder.anchor}), so editing it would change the alias that copies it; edit s.yaml by hand`);
  }
  // The first alias, merge key or anchor in the resource, in document order, is refused.
  const isMergeKey = (item: unknown) => isPair(item) && isScalar(item.key) && item.key.value === '<<';
  const hasAnchor = (item: unknown) => (isScalar(item) || isMap(item) || isSeq(item)) && Boolean(item.anchor);
  const found = firstNode(node, (item) => isAlias(item) || isMergeKey(item) || hasAnchor(item));
  if (isAlias(found)) fail(FIELD, `${where} uses a YAML alias (*${found.source}, line ${line(found)}), which cannot be edited safely; edit s.yaml by hand`);
  if (isPair(found)) fail(FIELD, `${where} uses a YAML merge key (<<, line ${line(found.key as Node)}), which cannot be edited safely; edit s.yaml by hand`);
  if (isScalar(found) || isMap(found) || isSeq(found)) {
    fail(FIELD, `${where} defines a YAML anchor (&${found.anchor}, line ${line(found)}), which cannot be edited safely; edit s.yaml by hand`);
  }
  const props = node.get('props', true);
  if (!isMap(props) || props.items.length === 0) fail(FIELD, `${where}.props is missing or empty`);
  if (props.flow) fail(FIELD, `${where}.props is a flow mapping ({ ... }) at line ${line(props)}; write it as a block mapping to edit it`);
  return props;
}

// s.yaml printed by the yaml library: for the values the small writer (s-yaml-writer.ts) leaves to it.
// A chunk of its own, loaded only then.
import { Document, isMap, isScalar, type Pair } from 'yaml';
import type { KeyComments } from './s-yaml-writer.ts';

/** `data` printed as YAML after a `header` comment, with `comments` before the keys at dotted paths under `commentRoot`. */
export function printYamlDocument(data: Record<string, unknown>, header: string, commentRoot: string[], comments: KeyComments): string {
  const doc = new Document(data);
  doc.commentBefore = header.split('\n').map((line) => ` ${line}`).join('\n');
  for (const [path, comment] of Object.entries(comments)) commentKey(doc.getIn(commentRoot), path.split('.'), comment);
  // Every string on one line, line breaks escaped ("a\nb"): a block scalar or a folded quoted string
  // puts lines of a value (a description, an --env value) where the generated tests' s.yaml line
  // readers would take them for keys such as instanceLifecycleConfig.
  return doc.toString({ lineWidth: 0, blockQuote: false, doubleQuotedMinMultiLineLength: Infinity });
}

/** Puts a comment above the key at `path` inside `node` (a YAML map); a missing key is left alone. */
function commentKey(node: unknown, path: string[], comment: string): void {
  if (!isMap(node)) return;
  const [key, ...rest] = path;
  const pair = node.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  if (rest.length > 0) commentKey(pair.value, rest, comment);
  else pair.key.commentBefore = ` ${comment.split('\n').join('\n ')}`;
}

// An alias bomb in s.yaml. The YAML library refuses to expand aliases past a limit (a "billion
// laughs" file would take gigabytes) by throwing "Excessive alias count indicates a resource
// exhaustion attack", which reached users as a raw message; here it is one `error: s.yaml: ...` line.
import { isAlias, isMap, isPair, isSeq, type Document } from 'yaml';
import { fail } from './errors.ts';

const checked = new WeakSet<Document.Parsed>();

/**
 * Refuses a document that expands its aliases too many times, wherever they are. Only a document
 * with an alias can, so only such a document is expanded to plain data to find out: expanding a large
 * s.yaml without aliases would cost about as much as parsing it, and its readers take only the values
 * they need. Checked once per document.
 */
export function refuseAliasBombs(doc: Document.Parsed): void {
  if (checked.has(doc)) return;
  try {
    if (containsAlias(doc.contents)) doc.toJS();
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      fail('s.yaml', 'expands its aliases too many times (the YAML library stops at 100 expansions, against "billion laughs" files); write those values out');
    }
    throw error;
  }
  checked.add(doc);
}

/** Records a document read without aliases (the light reader declines any), so that it is not walked to find one. */
export function markAliasFree(doc: Document.Parsed): void {
  checked.add(doc);
}

/** Whether an alias is anywhere under `node`. */
function containsAlias(node: unknown): boolean {
  return firstNode(node, isAlias) !== undefined;
}

/**
 * The first node under `node` (itself included) that `test` accepts, in document order: a pair, then
 * its key and value; undefined when there is none. A plain walk: the library's `visit` copies a path
 * per node.
 */
export function firstNode(node: unknown, test: (item: unknown) => boolean): unknown {
  if (test(node)) return node;
  if (isPair(node)) return firstNode(node.key, test) ?? firstNode(node.value, test);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = firstNode(item, test);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

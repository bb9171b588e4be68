// A small line diff, to show what add/remove would change (--dry-run, the confirmation prompt).

export type DiffLine = { op: ' ' | '-' | '+'; text: string };

/** The lines of a text; a final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Line-by-line diff: common head and tail, then a longest-common-subsequence of the middle. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: length of the LCS of x[i..] and y[j..].
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      middle.push({ op: ' ', text: x[i]! });
      i += 1;
      j += 1;
    } else if (i < x.length && (j === y.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      middle.push({ op: '-', text: x[i]! });
      i += 1;
    } else {
      middle.push({ op: '+', text: y[j]! });
      j += 1;
    }
  }
  return [
    ...a.slice(0, head).map((text) => ({ op: ' ' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: ' ' as const, text })),
  ];
}

/** A unified diff of one file with `context` unchanged lines around each change. */
export function unifiedDiff(name: string, before: string, after: string, context = 2): string {
  const lines = diffLines(before, after);
  const changed = lines.map((line, index) => (line.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const out = [`--- ${name}`, `+++ ${name}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]!;
    while (k < changed.length && changed[k]! - end <= 2 * context) end = changed[k++]!;
    const stop = Math.min(lines.length, end + context + 1);
    const oldStart = lines.slice(0, start).filter((line) => line.op !== '+').length + 1;
    const newStart = lines.slice(0, start).filter((line) => line.op !== '-').length + 1;
    const hunk = lines.slice(start, stop);
    out.push(`@@ -${oldStart},${hunk.filter((line) => line.op !== '+').length} +${newStart},${hunk.filter((line) => line.op !== '-').length} @@`);
    for (const line of hunk) out.push(`${line.op}${line.text.replace(/\r$/, '')}`);
  }
  return `${out.join('\n')}\n`;
}

// A small line diff, to show what add/remove would change (--dry-run, the confirmation prompt).

export type DiffLine = { op: ' ' | '-' | '+'; text: string };

/** The lines of a text; a final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Above this many line pairs, the table of the middle (4 bytes a pair) gives way to shortestEdit. */
const MAX_TABLE_CELLS = 4_000_000;
/** shortestEdit looks this far (inserted plus removed lines); beyond, the middle is shown as replaced whole. */
const MAX_EDITS = 1000;

/**
 * Line-by-line diff: common head and tail, then a longest-common-subsequence of the middle. Files up
 * to the source limit (2 MiB, some 100,000 lines) are diffed in linear time and memory when the edit
 * is small, as an add/remove's is: a table of every line pair would take minutes, or exceed the
 * largest array there can be (a RangeError).
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle = (x.length + 1) * (y.length + 1) <= MAX_TABLE_CELLS
    ? tableDiff(x, y)
    : (shortestEdit(x, y) ?? [...x.map((text) => ({ op: '-' as const, text })), ...y.map((text) => ({ op: '+' as const, text }))]);
  return [
    ...a.slice(0, head).map((text) => ({ op: ' ' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: ' ' as const, text })),
  ];
}

/** The LCS of x and y from a table of every pair of lines. */
function tableDiff(x: string[], y: string[]): DiffLine[] {
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
  return middle;
}

/**
 * Myers' O((N+M)D) shortest edit script from x to y, or undefined when it needs more than MAX_EDITS
 * inserted and removed lines. v[k] is the furthest x index reached on diagonal k = i - j; one copy of v
 * per step (MAX_EDITS at most) lets the path be walked back.
 */
function shortestEdit(x: string[], y: string[]): DiffLine[] | undefined {
  const max = Math.min(x.length + y.length, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < x.length && j < y.length && x[i] === y[j]) {
        i += 1;
        j += 1;
      }
      v[offset + k] = i;
      if (i >= x.length && j >= y.length) return walkBack(x, y, trace, offset);
    }
  }
  return undefined;
}

function walkBack(x: string[], y: string[], trace: Int32Array[], offset: number): DiffLine[] {
  const reversed: DiffLine[] = [];
  let i = x.length;
  let j = y.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const v = trace[d]!;
    const k = i - j;
    const previousK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const previousI = v[offset + previousK]!;
    const previousJ = previousI - previousK;
    while (i > previousI && j > previousJ) {
      i -= 1;
      j -= 1;
      reversed.push({ op: ' ', text: x[i]! });
    }
    if (d > 0) reversed.push(i === previousI ? { op: '+', text: y[previousJ]! } : { op: '-', text: x[previousI]! });
    i = previousI;
    j = previousJ;
  }
  return reversed.reverse();
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

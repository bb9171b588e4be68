// V8 doubles the young generation (new space) each time a run's allocations outgrow it, up to 2 x 16 MB
// on 64-bit, and that space counts in the process's memory whether it is used or not. Reading a
// 1,000-resource s.yaml and its code (the doctor's heap never holds more than about 35 MB) grew it to
// the full size: 107 MB peak RSS. Kept at its first size it is 72-80 MB, in the same time (Node 20).
// Node reads --max-semi-space-size only at start-up, but V8 reads the growth factor at each growth.
// Newer V8 (Node 22 and later) may hold the factor at 2 or more: there this changes nothing.

/** Keeps V8's young generation at its present size for the rest of the run. */
export function keepYoungGenerationSmall(): void {
  process.getBuiltinModule?.('node:v8')?.setFlagsFromString('--semi-space-growth-factor=1');
}

// How V8 runs a command that reads a large s.yaml (see LARGE_S_YAML): its memory, and its compiler.
//
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

/**
 * Characters from which s.yaml is large: about 130 resources like a generated one (src/project/parse.ts
 * sets both of this file's switches from there, for every command that reads s.yaml).
 */
export const LARGE_S_YAML = 100_000;

/**
 * Turns TurboFan's inlining off for the rest of the run. On a 1,000-resource project the doctor's
 * TurboFan compiled for about a third of the run's instructions (1,100 M of 3,300 M, mostly inlining
 * callees into the light reader's, the scanner's and the module reader's hot functions), more than the
 * optimized code saved in a run of a few hundred milliseconds: without inlining the run costs 17%
 * fewer instructions and about 19% less time. Small projects are left alone: their run would pay for
 * loading node:v8 (about 12 M instructions, 2%) and gain nothing.
 */
export function compileWithoutInlining(): void {
  process.getBuiltinModule?.('node:v8')?.setFlagsFromString('--no-turbo-inlining');
}

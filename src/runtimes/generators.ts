// The generators of the registered families (src/runtimes/index.ts), all loaded at once, for the API
// (dist/index.js, whose exports are synchronous) and the tests; the CLI loads the one generator a run
// writes with (generatorFor). A module of its own so the API's type declarations do not reach the
// families' other parts.
import { allGenerators, RUNTIME_IDS } from './index.ts';
import type { RuntimeDefinition } from './types.ts';
import { resolveSpecWith, runtimeOf, type Answers, type ProjectSpec } from '../spec.ts';

export { RUNTIME_IDS };

/** Every family's generator, in menu order. */
export const RUNTIMES: readonly RuntimeDefinition<any>[] = await allGenerators();

export function runtimeFor(id: string): RuntimeDefinition<any> {
  const definition = RUNTIMES.find((candidate) => candidate.ids.includes(id));
  if (!definition) throw new Error(`internal: no runtime definition for "${id}"`);
  return definition;
}

/**
 * Validates answers and applies defaults (see resolveSpecWith), throwing InputError on the first bad
 * field: the CLI's loadSpec, with every generator at hand.
 */
export function resolveSpec(answers: Answers, cwd: string = process.cwd()): ProjectSpec {
  const runtime = runtimeOf(answers);
  return resolveSpecWith(runtimeFor(runtime), runtime, answers, cwd);
}

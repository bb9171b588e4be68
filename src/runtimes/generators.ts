// The generators of the registered families (src/runtimes/index.ts), all loaded at once, for the API
// (dist/index.js, whose exports are synchronous) and the tests; the CLI loads the one generator a run
// writes with (generatorFor). A module of its own so the API's type declarations do not reach the
// families' other parts.
import { allGenerators, FAMILIES, familyOffering, RUNTIME_IDS } from './index.ts';
import type { RuntimeDefinition } from './types.ts';
import { resolveSpecWith, runtimeOf, type Answers, type ProjectSpec } from '../spec.ts';

export { RUNTIME_IDS };

/** Every family's generator, in menu order (FAMILIES' order). */
export const RUNTIMES: readonly RuntimeDefinition<any>[] = await allGenerators();

export function runtimeFor(id: string): RuntimeDefinition<any> {
  return RUNTIMES[FAMILIES.indexOf(familyOffering(id))]!;
}

/**
 * Validates answers and applies defaults (see resolveSpecWith), throwing InputError on the first bad
 * field: the CLI's loadSpec, with every generator at hand.
 */
export function resolveSpec(answers: Answers, cwd: string = process.cwd()): ProjectSpec {
  const runtime = runtimeOf(answers);
  return resolveSpecWith(runtimeFor(runtime), runtime, answers, cwd);
}

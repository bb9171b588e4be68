// The generators of the registered families (src/runtimes/index.ts), for new projects and the API. A
// module of its own so the API's type declarations do not reach the families' other parts.
import { FAMILIES } from './index.ts';
import type { RuntimeDefinition } from './types.ts';

/** Every family's generator, in menu order. */
export const RUNTIMES: readonly RuntimeDefinition<any>[] = FAMILIES.map((family) => family.generator);

/** Every FC runtime id the generator accepts, in menu order. */
export const RUNTIME_IDS: readonly string[] = RUNTIMES.flatMap((definition) => definition.ids);

export function runtimeFor(id: string): RuntimeDefinition<any> {
  const definition = RUNTIMES.find((candidate) => candidate.ids.includes(id));
  if (!definition) throw new Error(`internal: no runtime definition for "${id}"`);
  return definition;
}

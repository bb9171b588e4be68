// The registry of runtime families: each is one folder, src/runtimes/<family>/ (its index.ts is the
// family's one object: its card, and its parts loaded when used) with its templates in
// templates/<family>/. Adding a family is a folder in each place and one line here; help, prompts, plop
// choices, the doctor, the hook editor and `run` derive from this list.
import { family as container } from './container/index.ts';
import { family as custom } from './custom/index.ts';
import { family as dotnet } from './dotnet/index.ts';
import { family as go } from './go/index.ts';
import { family as java } from './java/index.ts';
import { family as nodejs } from './nodejs/index.ts';
import { family as php } from './php/index.ts';
import { family as python } from './python/index.ts';
import type { FamilyDefinition } from './family.ts';
import type { RuntimeDefinition } from './types.ts';

/** Every runtime family, in menu order. */
export const FAMILIES: readonly FamilyDefinition[] = [nodejs, python, php, java, go, dotnet, custom, container];

/** The runtime families' keys, as FamilyDefinition.id (and RuntimeDefinition.family) name them. */
export type RuntimeFamily = 'nodejs' | 'python' | 'php' | 'java' | 'go' | 'dotnet' | 'custom' | 'container';

/**
 * The family of any FC 3.0 runtime id, offered or not: the doctor, the hook editor and `run` read
 * projects on older runtimes too, whose code follows their family's rules.
 */
export function familyOf(id: string): FamilyDefinition | undefined {
  return FAMILIES.find((family) => family.runtimeIds.test(id));
}

/** The key of familyOf(id). */
export function runtimeFamily(id: string): RuntimeFamily | undefined {
  return familyOf(id)?.id;
}

/** Every FC runtime id the generator accepts, in menu order (the families' cards). */
export const RUNTIME_IDS: readonly string[] = FAMILIES.flatMap((family) => family.card.ids);

/** The family whose generator offers runtime `id` (one of RUNTIME_IDS). */
export function familyOffering(id: string): FamilyDefinition {
  const family = FAMILIES.find((candidate) => candidate.card.ids.includes(id));
  if (!family) throw new Error(`internal: no runtime definition for "${id}"`);
  return family;
}

/** The generator of runtime `id` (one of RUNTIME_IDS), loaded with its family's generate.ts (only that family's). */
export function generatorFor(id: string): Promise<RuntimeDefinition<any>> {
  return familyOffering(id).generator();
}

/** Every family's generator, in menu order: what help, --list and the API show of all of them. */
export function allGenerators(): Promise<RuntimeDefinition<any>[]> {
  return Promise.all(FAMILIES.map((family) => family.generator()));
}

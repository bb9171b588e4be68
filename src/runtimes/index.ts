import { dotnet } from './dotnet.ts';
import { go } from './go.ts';
import { java } from './java.ts';
import { container } from './container.ts';
import { custom } from './custom.ts';
import { nodejs } from './nodejs.ts';
import { php } from './php.ts';
import { python } from './python.ts';
import type { RuntimeDefinition } from './types.ts';

/** Every runtime family, in menu order. Add a family here and its ids become valid everywhere. */
export const RUNTIMES: readonly RuntimeDefinition<any>[] = [nodejs, python, php, java, go, dotnet, custom, container];

/** Every FC runtime id the generator accepts, in menu order. */
export const RUNTIME_IDS: readonly string[] = RUNTIMES.flatMap((definition) => definition.ids);

export function runtimeFor(id: string): RuntimeDefinition<any> {
  const definition = RUNTIMES.find((candidate) => candidate.ids.includes(id));
  if (!definition) throw new Error(`internal: no runtime definition for "${id}"`);
  return definition;
}

/** The runtime families, as RuntimeDefinition.family names them. */
export type RuntimeFamily = 'nodejs' | 'python' | 'php' | 'java' | 'go' | 'dotnet' | 'custom' | 'container';

/** Every FC 3.0 runtime id by family, including ids the generator does not offer (nodejs12, python3, ...). */
const FAMILY_PATTERNS: readonly [RegExp, RuntimeFamily][] = [
  [/^nodejs\d+$/, 'nodejs'],
  [/^python\d/, 'python'],
  [/^php\d/, 'php'],
  [/^java\d+$/, 'java'],
  [/^go\d+$/, 'go'],
  [/^dotnetcore\d/, 'dotnet'],
  [/^custom(\.debian\d+)?$/, 'custom'],
  [/^custom-container$/, 'container'],
];

/**
 * The family (as RuntimeDefinition.family) of any FC 3.0 runtime id, offered or not: the doctor and the
 * hook editor read projects on older runtimes too, whose code follows their family's rules.
 */
export function runtimeFamily(id: string): RuntimeFamily | undefined {
  return FAMILY_PATTERNS.find(([pattern]) => pattern.test(id))?.[1];
}

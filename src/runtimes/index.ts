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

// The doctor's questions about a `file.function` family's code (Node.js, Python, PHP), asked of the
// module the family's code.ts reads from the file an entry names (locateDotted): whether a configured
// hook is there, the function behind an entry, and the hook-like names s.yaml does not configure.
import { splitDotted } from '../source/dotted-file.ts';
import type { SourceFile } from '../source/file.ts';
import { configuredEntries, shown, kindForName, type Located } from './code.ts';
import type { HookConfig, HookInCode, HookTarget, Project, Resource } from './types.ts';

/** What `get` finds under the entry's name in the module it leads to, with the file; undefined when the file or the name is not there. */
export function namedIn<M, F>(found: Located<M> | undefined, get: (module: M, name: string) => F | undefined): { file: SourceFile; name: string; fn: F } | undefined {
  if (!found || 'missing' in found) return undefined;
  const fn = get(found.module, found.name);
  return fn === undefined ? undefined : { file: found.file, name: found.name, fn };
}

/** The active hooks whose entry names something `get` finds (a function), each with its file and name. */
export function hookFunctions<M, F>(
  resource: Resource,
  lookUp: (resource: Resource, entry: string) => Located<M> | undefined,
  get: (module: M, name: string) => F | undefined,
): { hook: HookConfig; file: SourceFile; name: string; fn: F }[] {
  return Object.values(resource.hooks).flatMap((hook) => {
    const found = hook.active && hook.entry ? namedIn(lookUp(resource, hook.entry), get) : undefined;
    return found ? [{ hook, ...found }] : [];
  });
}

/** How a family explains a hook it cannot find: the file is `missing`, or has no such name (`absent`), and the `fix`. */
export interface NotFound {
  missing?(path: string): string;
  absent(name: string, path: string): string;
  fix(name: string, path: string): string;
}

/**
 * Whether a hook's entry names something in the module: found when the module has the name (`has`) or
 * binds names this reading cannot list; undefined when the code cannot be read.
 */
export function resolveDotted<M extends { complete: boolean }>(found: Located<M> | undefined, has: (module: M, name: string) => boolean, project: Project, say: NotFound): HookTarget | undefined {
  if (!found) return undefined;
  // Found (the common case, once per resource) before the messages are built.
  if (!('missing' in found) && (has(found.module, found.name) || !found.module.complete)) return { found: true };
  const path = shown(project, 'missing' in found ? found.missing : found.file.path);
  const why = 'missing' in found ? (say.missing?.(path) ?? `${path} does not exist`) : say.absent(found.name, path);
  return { found: false, why, fix: say.fix(found.name, path) };
}

/**
 * The names in the handler's module (`names`, each with its line and how the code spells it) that look
 * like hooks (kindForName) and that no entry of s.yaml uses; `fold` makes names the language treats as
 * one equal (PHP's are case-insensitive).
 */
export function hooksLeftInCode<M>(
  resource: Resource,
  lookUp: (resource: Resource, entry: string) => Located<M> | undefined,
  names: (module: M) => { name: string; line: number; what: string }[],
  fold = (name: string) => name,
): HookInCode[] {
  const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
  if (!found || 'missing' in found) return [];
  const used = new Set(configuredEntries(resource).map((entry) => fold(splitDotted(entry)?.name ?? '')));
  return names(found.module).flatMap(({ name, line, what }) => {
    const kind = kindForName(name);
    return kind && !used.has(fold(name)) ? [{ kind, file: found.file.path, line, what }] : [];
  });
}

// Where a hook's default entry goes: the runtime's default hook name, placed beside the handler the
// project has (same file, class, or assembly and class), so a custom handler moves the hook defaults
// with it. The generator, its prompts and plop, and the hook editor (`add`) all derive them here.
import { fail } from './errors.ts';
import { HOOK_FLAGS, HOOK_KINDS, type HookKind } from './hooks/types.ts';
import type { EntryStrings } from './runtimes/types.ts';

/** Places a runtime's default hook entry beside `handler`; returns the default itself when the handler does not have the runtime's shape. */
export type HookPlacement = (handler: string, runtimeDefault: string) => string;

/** The function part of a `file.function` entry. */
export function dottedFunction(entry: string): string {
  return entry.slice(entry.lastIndexOf('.') + 1);
}

/** The file part of a `file.function` entry. */
export function dottedFile(entry: string): string {
  return entry.slice(0, entry.lastIndexOf('.'));
}

/** Node.js, Python, PHP: the same file (`main.handle` gives `main.initialize`). */
export const inHandlerFile: HookPlacement = (handler, runtimeDefault) =>
  handler.includes('.') ? `${dottedFile(handler)}.${dottedFunction(runtimeDefault)}` : runtimeDefault;

/** Java: the same class (`pkg.Main::handle` gives `pkg.Main::initialize`). */
export const inHandlerClass: HookPlacement = (handler, runtimeDefault) =>
  handler.includes('::') ? `${handler.split('::')[0]}::${runtimeDefault.split('::').pop()}` : runtimeDefault;

/** C#: the same assembly and class (`Asm::Ns.Main::Handle` gives `Asm::Ns.Main::Initialize`). */
export const inHandlerAssemblyClass: HookPlacement = (handler, runtimeDefault) => {
  const parts = handler.split('::');
  return parts.length === 3 ? `${parts[0]}::${parts[1]}::${runtimeDefault.split('::').pop()}` : runtimeDefault;
};

/** Go and custom runtimes: the hook string is only a label FC needs to be non-empty, whatever the handler. */
export const asLabel: HookPlacement = (_handler, runtimeDefault) => runtimeDefault;

/** The entries hooks get when none is given, for a runtime's placement and defaults and a handler. */
export function hookDefaults(
  runtime: { defaults: Required<EntryStrings>; placeHook: HookPlacement },
  handler: string,
): Record<HookKind, string> {
  return {
    initializer: runtime.placeHook(handler, runtime.defaults.initializer),
    preStop: runtime.placeHook(handler, runtime.defaults.preStop),
  };
}

/**
 * A `file.function` handler of an existing project may name its file in a directory (`src/index.handler`,
 * as FC allows and the doctor accepts), which the generator never writes: the hooks must then be in that
 * same file, and the names are checked without the directory.
 */
export function withoutDirectory(runtime: { placeHook: HookPlacement }, handler: string, entries: Partial<Record<HookKind, string>>) {
  const slash = handler.lastIndexOf('/');
  if (runtime.placeHook !== inHandlerFile || slash < 0 || slash > handler.lastIndexOf('.')) return { handler, entries };
  const directory = handler.slice(0, slash + 1);
  const file = dottedFile(handler);
  for (const kind of HOOK_KINDS) {
    const entry = entries[kind];
    if (entry !== undefined && !entry.startsWith(directory)) {
      fail(HOOK_FLAGS[kind], `"${entry}" is not in the handler's file ${file}; handler and hooks must be in one file, e.g. ${file}.${dottedFunction(entry)}`);
    }
  }
  const strip = (entry: string) => entry.slice(directory.length);
  return { handler: strip(handler), entries: Object.fromEntries(Object.entries(entries).map(([kind, entry]) => [kind, strip(entry)])) };
}

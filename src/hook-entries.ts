// Where a hook's default entry goes: the runtime's default hook name, placed beside the handler the
// project has (same file, class, or assembly and class), so a custom handler moves the hook defaults
// with it. The generator, its prompts and plop, and the hook editor (`add`) all derive them here.
import type { HookKind } from './hooks/types.ts';
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

import { render } from '../templates.ts';
import type { HookKind } from './types.ts';

/** The hook function a language appends, from templates/hooks/<template>.hbs (`loadTemplates('hooks')` first). */
export function hookSnippet(template: string, kind: HookKind, name: string, entry: string): string {
  return render(`hooks/${template}`, {
    name,
    entry,
    isInitializer: kind === 'initializer',
    logLine: kind === 'initializer' ? `${name}: initializer ran` : `${name}: preStop ran`,
  });
}

/** The function part of a `file.function` entry. */
export function dottedFunction(entry: string): string {
  return entry.slice(entry.lastIndexOf('.') + 1);
}

/** The file part of a `file.function` entry. */
export function dottedFile(entry: string): string {
  return entry.slice(0, entry.lastIndexOf('.'));
}

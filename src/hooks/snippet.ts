import { render } from '../templates.ts';
import type { HookKind } from './types.ts';

/** The hook function a language appends, from templates/<template>.hbs (`templates/<family>/hooks/`; load `<family>/hooks` first). */
export function hookSnippet(template: string, kind: HookKind, name: string, entry: string): string {
  return render(template, {
    name,
    entry,
    isInitializer: kind === 'initializer',
    logLine: kind === 'initializer' ? `${name}: initializer ran` : `${name}: preStop ran`,
  });
}

export { dottedFile, dottedFunction } from '../hook-entries.ts';

// The languages a Node.js function or node server can be written in (`--language`). Which runtimes
// take TypeScript is each family's to say (its options.resolve refuses it elsewhere); this asks them.
import { InputError } from './errors.ts';
import type { RuntimeDefinition } from './runtimes/types.ts';
import type { Answers } from './spec.ts';

export type Language = 'javascript' | 'typescript';
export const LANGUAGES: readonly Language[] = ['javascript', 'typescript'];
export const DEFAULT_LANGUAGE: Language = 'javascript';

/**
 * Whether `--language typescript` would be taken with these answers (the runtime's, and its server when
 * the family has one): what the interactive flow, plop and --help use to offer it only where it works.
 */
export function offersTypeScript(definition: RuntimeDefinition, answers: Answers, runtime: string): boolean {
  if (!definition.options?.keys.includes('language')) return false;
  try {
    definition.options.resolve({ ...answers, language: 'typescript' }, runtime);
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

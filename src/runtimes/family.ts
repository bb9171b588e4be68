// What a runtime family is made of (src/runtimes/<family>/index.ts defines one). Kept apart from
// types.ts: the API's type declarations include types.ts, and must not reach the doctor's or the
// runner's types (they use Node's).
import type { BlockSyntax } from '../doctor/guards.ts';
import type { CodeModel, Rule } from '../doctor/types.ts';
import type { LanguageHooks } from '../hooks/types.ts';
import type { Runner } from '../run/types.ts';
import type { RuntimeFamily } from './index.ts';
import type { RuntimeDefinition } from './types.ts';

/** How a built-in family's handler refuses a request, and how it writes blocks (for handler-needs-initializer). */
export interface HandlerGuard {
  syntax: BlockSyntax;
  /** A regular expression's source matching a refusal: a throw, a 503, ... */
  refusals: string;
  /** The accessor the fix names, as this family writes it. */
  accessor: string;
}

/** What the doctor knows of a family: how it finds hooks in code, and the rules only this family has. */
export interface FamilyDoctor {
  model: CodeModel;
  rules: readonly Rule[];
  handlerGuard?: HandlerGuard;
}

/**
 * One runtime family, as src/runtimes/<family>/index.ts defines it and the registry (src/runtimes/index.ts)
 * lists it. The generator comes with it (new projects need it at once); the parts that read, edit or run
 * existing code are loaded when a command uses them, so generating a project does not load them.
 */
export interface FamilyDefinition {
  /** The family's key: its folder under src/runtimes/ and templates/. */
  id: RuntimeFamily;
  /** Every FC 3.0 runtime id of the family, offered or not (nodejs12, python3, ...): existing projects on them follow its rules. */
  runtimeIds: RegExp;
  /** New projects: the ids offered, defaults, entry rules, files, s.yaml and README parts. */
  generator: RuntimeDefinition<any>;
  /** Adds, switches off and on hooks in existing code (add/remove, plop hook/unhook). */
  edit(): Promise<LanguageHooks>;
  /** Reads hooks in existing code, and the family's own doctor rules. */
  doctor(): Promise<FamilyDoctor>;
  /** Plays FC's lifecycle on a local instance (`run`). */
  runner(): Promise<Runner>;
}

export function defineFamily(family: FamilyDefinition): FamilyDefinition {
  return family;
}

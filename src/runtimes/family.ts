// What a runtime family is made of (src/runtimes/<family>/index.ts defines one). Kept apart from
// types.ts: the API's type declarations include types.ts, and must not reach the doctor's or the
// runner's types (they use Node's).
import type { BlockSyntax } from '../doctor/guards.ts';
import type { HookPlacement } from '../hook-entries.ts';
import type { CodeModel, Rule } from '../doctor/types.ts';
import type { LanguageHooks } from '../hooks/types.ts';
import type { Runner } from '../run/types.ts';
import type { RuntimeFamily } from './index.ts';
import type { ServiceRecipe } from '../recipes.ts';
import type { RuntimeOptionKey } from '../spec.ts';
import type { EntryStrings, RuntimeDefinition } from './types.ts';

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
 * What the CLI knows of a family before it loads the family's generator: what picking a runtime, and the
 * checks and messages that name every family's runtimes (which take an option, which write a recipe),
 * need, so that a run loads the generator of the one family it writes. The generator takes its label,
 * ids, defaults, placeHook and option keys from here (cardFields); the recipes it writes must be the
 * ones listed (test/runtimes-layout.test.ts).
 */
export interface FamilyCard {
  /** RuntimeDefinition.label. */
  label: string;
  /** RuntimeDefinition.ids: the runtime ids offered, in menu order. */
  ids: readonly string[];
  /** RuntimeDefinition.defaults. */
  defaults: Required<EntryStrings>;
  /** RuntimeDefinition.placeHook (`remove` places a hook's default entry without the generator). */
  placeHook: HookPlacement;
  /** RuntimeDefinition.options.keys (none when it has no options). */
  optionKeys: readonly RuntimeOptionKey[];
  /** The keys of RuntimeDefinition.recipes. */
  recipes: readonly ServiceRecipe[];
}

/**
 * One runtime family, as src/runtimes/<family>/index.ts defines it and the registry (src/runtimes/index.ts)
 * lists it: its card, and its parts, each loaded when a run uses it (a generation loads its family's
 * generator; the parts that read, edit or run existing code load for the commands that do).
 */
export interface FamilyDefinition {
  /** The family's key: its folder under src/runtimes/ and templates/. */
  id: RuntimeFamily;
  /** Every FC 3.0 runtime id of the family, offered or not (nodejs12, python3, ...): existing projects on them follow its rules. */
  runtimeIds: RegExp;
  card: FamilyCard;
  /** New projects: the ids offered, defaults, entry rules, files, s.yaml and README parts. */
  generator(): Promise<RuntimeDefinition<any>>;
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

/** The fields of a family's generator that its card states (the card is their one source). */
export function cardFields(family: FamilyDefinition): Pick<RuntimeDefinition, 'family' | 'label' | 'ids' | 'defaults' | 'placeHook'> {
  const { label, ids, defaults, placeHook } = family.card;
  return { family: family.id, label, ids, defaults, placeHook };
}

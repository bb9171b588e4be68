// The `recipe` answer of a new project, resolved against the runtime family that would write it.
import { fail } from './errors.ts';
import { checkRecipe, DEFAULT_RECIPE, RECIPES, type Recipe, type ServiceRecipe } from './recipes.ts';
import { FAMILIES } from './runtimes/index.ts';
import type { RuntimeDefinition } from './runtimes/types.ts';
import type { RuntimeOptions } from './spec.ts';

/** The recipe answer, refused when the runtime's family does not write it. */
export function resolveRecipe(definition: RuntimeDefinition, answer: string | undefined, runtime: string, options: RuntimeOptions): ServiceRecipe | undefined {
  const recipe = checkRecipe(answer ?? DEFAULT_RECIPE);
  if (recipe === 'none') return undefined;
  if (!definition.recipes?.[recipe]) {
    const takers = FAMILIES.filter(({ card }) => card.recipes.includes(recipe)).flatMap(({ card }) => card.ids);
    fail('recipe', `${recipe} is not written for ${runtime} yet; it is for ${takers.join(', ')}`);
  }
  const why = definition.recipes[recipe]!.unsupported?.(options, runtime);
  if (why) fail('recipe', why);
  return recipe;
}

/** Refuses an entry whose function name the recipe's code defines itself (e.g. close_resource). */
export function checkRecipeNames(generated: readonly string[], recipe: ServiceRecipe, entries: Record<string, string | undefined>): void {
  for (const [field, entry] of Object.entries(entries)) {
    const name = entry?.split(/::|\./).pop();
    if (name !== undefined && generated.includes(name)) fail(field, `"${name}" is a name the ${recipe} recipe's code defines; choose another`);
  }
}

/** Whether the family writes the recipe at all (`none`, its own stand-in, always). */
export function familyWrites(definition: RuntimeDefinition, recipe: Recipe): boolean {
  return recipe === 'none' || definition.recipes?.[recipe] !== undefined;
}

/**
 * The recipes a prompt offers for these answers: the family's, written in JavaScript only, and not where
 * an HTTP trigger's handler reads the event (that handler is written with the stand-in: see resolveTrigger).
 */
export function recipesOffered(definition: RuntimeDefinition, answers: { trigger?: string; language?: string }): Recipe[] {
  const clients = answers.language !== 'typescript' && (answers.trigger !== 'http' || definition.httpTrigger !== 'handler');
  return RECIPES.filter((recipe) => recipe === 'none' || (clients && familyWrites(definition, recipe)));
}

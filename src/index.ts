// Programmatic API: the same pipeline the CLI and the plop generators call.
//   answers -> resolveSpec -> ProjectSpec -> buildPlan -> FilePlan -> writePlan
import { checkHookRequest } from './answer-checks.ts';
import { fail } from './errors.ts';
import { planAddHooks as planAdd, planRemoveHooks as planRemove, type AddHooksRequest, type HookPlan, type RemoveHooksRequest } from './hooks/index.ts';
import { buildPlan, type FilePlan } from './plan.ts';
import { resolveSpec } from './runtimes/generators.ts';
import type { Answers } from './spec.ts';
import { checkTarget, writePlan, type WriteOptions, type WriteResult } from './writer.ts';

export { InputError } from './errors.ts';
export { buildPlan, type FilePlan } from './plan.ts';
export { RUNTIMES, RUNTIME_IDS, runtimeFor, resolveSpec } from './runtimes/generators.ts';
export type { PlannedFile, RuntimeDefinition } from './runtimes/types.ts';
export { DEFAULTS, LIMITS, type Answers, type ProjectSpec, type HookSpec } from './spec.ts';
export { checkFunctionName, checkWholeNumber, DEFAULT_DIR, DEFAULT_RUNTIME, functionNameFrom } from './spec.ts';
export { hookDefaults } from './hook-entries.ts';
export { serversFor } from './runtimes/custom/generate.ts';
export { LANGUAGES, DEFAULT_LANGUAGE, offersTypeScript, type Language } from './languages.ts';
export { REGIONS, DEFAULT_REGION } from './regions.ts';
export { RECIPES, RECIPE_LABELS, DEFAULT_RECIPE, type Recipe } from './recipes.ts';
export { recipesOffered } from './recipe-answers.ts';
export { TRIGGERS, TRIGGER_LABELS, DEFAULT_TRIGGER, httpHandlerWritten, type Trigger } from './triggers.ts';
export { checkTarget, writePlan, type WriteOptions, type WriteResult } from './writer.ts';
// Hooks in existing projects (create-fc-lifecycle add/remove, the plop hook/unhook generators).
export {
  applyHookPlan,
  hookPlanDiff,
  inspectProject,
  listResources,
  HOOK_KINDS,
  HOOK_LABELS,
  type AddHooksRequest,
  type HookKind,
  type HookPlan,
  type HookState,
  type ProjectInfo,
  type RemoveHooksRequest,
} from './hooks/index.ts';

/** JavaScript callers are not type-checked: a wrong option type fails as bad input, not as a TypeError. */
function checkGenerateOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail('options', 'must be an object');
  const { cwd, dryRun, force } = options as Record<string, unknown>;
  if (cwd !== undefined && typeof cwd !== 'string') fail('cwd', `must be a string, got ${typeof cwd}`);
  if (dryRun !== undefined && typeof dryRun !== 'boolean') fail('dry-run', `must be a boolean, got ${typeof dryRun}`);
  if (force !== undefined && typeof force !== 'boolean') fail('force', `must be a boolean, got ${typeof force}`);
}

/** Validates answers (resolveSpec checks their types) and writes the project (or only plans it with `dryRun`). */
export async function generate(
  answers: Answers,
  options: WriteOptions & { cwd?: string; dryRun?: boolean } = {},
): Promise<{ plan: FilePlan; result?: WriteResult }> {
  checkGenerateOptions(options);
  const plan = await buildPlan(resolveSpec(answers, options.cwd));
  if (options.dryRun) {
    await checkTarget(plan, options);
    return { plan };
  }
  return { plan, result: await writePlan(plan, options) };
}

/** Plans adding hooks to an existing project (`create-fc-lifecycle add`); the request's types are checked. */
export async function planAddHooks(request: AddHooksRequest, cwd: string): Promise<HookPlan> {
  checkHookRequest('add', request, cwd);
  return planAdd(request, cwd);
}

/** Plans switching hooks off (`create-fc-lifecycle remove`); the request's types are checked. */
export async function planRemoveHooks(request: RemoveHooksRequest, cwd: string): Promise<HookPlan> {
  checkHookRequest('remove', request, cwd);
  return planRemove(request, cwd);
}

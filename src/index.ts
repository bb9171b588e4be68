// Programmatic API: the same pipeline the CLI and the plop generators call.
//   answers -> resolveSpec -> ProjectSpec -> buildPlan -> FilePlan -> writePlan
import { buildPlan, type FilePlan } from './plan.ts';
import { resolveSpec, type Answers } from './spec.ts';
import { checkTarget, writePlan, type WriteOptions, type WriteResult } from './writer.ts';

export { InputError } from './errors.ts';
export { buildPlan, type FilePlan } from './plan.ts';
export { RUNTIMES, RUNTIME_IDS, runtimeFor } from './runtimes/index.ts';
export type { PlannedFile, RuntimeDefinition } from './runtimes/types.ts';
export { resolveSpec, DEFAULTS, LIMITS, type Answers, type ProjectSpec, type HookSpec } from './spec.ts';
export { checkFunctionName, checkWholeNumber, DEFAULT_DIR, DEFAULT_RUNTIME } from './spec.ts';
export { serversFor } from './runtimes/custom.ts';
export { REGIONS, DEFAULT_REGION } from './regions.ts';
export { RECIPES, RECIPE_LABELS, DEFAULT_RECIPE, type Recipe } from './recipes.ts';
export { checkTarget, writePlan, type WriteOptions, type WriteResult } from './writer.ts';
// Hooks in existing projects (create-fc-lifecycle add/remove, the plop hook/unhook generators).
export {
  applyHookPlan,
  hookPlanDiff,
  inspectProject,
  listResources,
  planAddHooks,
  planRemoveHooks,
  HOOK_KINDS,
  HOOK_LABELS,
  type AddHooksRequest,
  type HookKind,
  type HookPlan,
  type HookState,
  type ProjectInfo,
  type RemoveHooksRequest,
} from './hooks/index.ts';

/** Validates answers and writes the project (or only plans it with `dryRun`). */
export async function generate(
  answers: Answers,
  options: WriteOptions & { cwd?: string; dryRun?: boolean } = {},
): Promise<{ plan: FilePlan; result?: WriteResult }> {
  const plan = await buildPlan(resolveSpec(answers, options.cwd));
  if (options.dryRun) {
    await checkTarget(plan, options);
    return { plan };
  }
  return { plan, result: await writePlan(plan, options) };
}

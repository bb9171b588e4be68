import { basename, resolve } from 'node:path';
import { checkAnswerTypes } from './answer-checks.ts';
import { resolveEnvironment } from './environment.ts';
import { fail } from './errors.ts';
import { hookDefaults } from './hook-entries.ts';
import { checkRecipeNames, resolveRecipe } from './recipe-answers.ts';
import type { ServiceRecipe } from './recipes.ts';
import { DEFAULT_REGION, REGIONS } from './regions.ts';
import { FAMILIES, generatorFor, RUNTIME_IDS } from './runtimes/index.ts';
import type { RuntimeDefinition } from './runtimes/types.ts';
import { resolveTrigger, type Trigger } from './triggers.ts';

/** A hook that FC runs by calling an entry point (built-in runtimes) or an HTTP route (custom runtimes). */
export interface HandlerHookSpec {
  handler: string;
  command?: never;
  timeout: number;
}

/** A hook that FC runs as a command in the instance (GPU initializers only, spec §1.10): exit code 0 = success. */
export interface CommandHookSpec {
  command: string[];
  handler?: never;
  timeout: number;
}

/** A configured lifecycle hook as it goes into s.yaml: a handler or a command, never both. */
export type HookSpec = HandlerHookSpec | CommandHookSpec;

/** The HTTP server a custom-runtime project is written with. */
export type ServerKind = 'flask' | 'node';

/** s.yaml gpuConfig of a GPU function. */
export interface GpuSpec {
  type: string;
  /** MB. */
  memorySize: number;
}

/** Everything needed to generate a project: validated, defaults applied. */
export interface ProjectSpec {
  /** Absolute path of the directory to generate into. */
  targetDir: string;
  runtime: string;
  functionName: string;
  region: string;
  description?: string;
  memorySize: number;
  timeout: number;
  handler: string;
  initializer?: HookSpec;
  /** PreStop has no command form in FC. */
  preStop?: HandlerHookSpec;
  /** Custom runtimes: the server the code is written with. */
  server?: ServerKind;
  /** custom-container: the GPU, which makes it a GPU function. */
  gpu?: GpuSpec;
  /** The client the hooks open and close (`--recipe`); absent for `none`, the stand-in resource. */
  recipe?: ServiceRecipe;
  /** The user's environment variables (`--env`), keys checked, in the order given; absent when none. */
  environment?: Record<string, string>;
  /** `typescript` for a Node.js project written in TypeScript; absent for JavaScript (the default). */
  language?: 'typescript';
  /** `http` when an HTTP trigger calls the function; absent for the default, `event`. */
  trigger?: Exclude<Trigger, 'event'>;
}

/**
 * Raw answers from any front end (CLI flags, prompts, plop, API). Strings are accepted for numbers
 * because flags and prompts give strings. For a hook: a string is its entry, `false` leaves it out,
 * `true` or undefined means the runtime's default entry.
 */
export interface Answers {
  dir?: string;
  runtime?: string;
  functionName?: string;
  region?: string;
  description?: string;
  memorySize?: string | number;
  timeout?: string | number;
  handler?: string;
  initializer?: string | boolean;
  preStop?: string | boolean;
  initializerTimeout?: string | number;
  preStopTimeout?: string | number;
  /** Custom runtimes: `flask` or `node`. */
  server?: string;
  /** custom-container: GPU type (gpuConfig.gpuType). */
  gpu?: string;
  gpuMemorySize?: string | number;
  /** GPU functions: a shell line the initializer runs instead of calling the server. */
  initializerCommand?: string;
  /** `none` (default), `mysql` or `redis`: what the initializer opens and preStop closes. */
  recipe?: string;
  /**
   * The function's environment variables: `KEY=VALUE` strings (as `--env` gives them) or an object of
   * strings. A value `${env(NAME)}` stays a reference that `s deploy` fills from the shell.
   */
  env?: readonly string[] | Record<string, string>;
  /** Node.js runtimes and node servers: `javascript` (default) or `typescript`. */
  language?: string;
  /** `event` (default) or `http`: what calls the function. */
  trigger?: string;
}

/** Answers only some runtime families take, named as their CLI flags. */
export const RUNTIME_OPTIONS = {
  server: 'server',
  gpu: 'gpu',
  gpuMemorySize: 'gpu-memory-size',
  initializerCommand: 'initializer-command',
  language: 'language',
} as const;
export type RuntimeOptionKey = keyof typeof RUNTIME_OPTIONS;

/** Runtime-specific settings, validated and defaulted by the family that takes them. */
export interface RuntimeOptions {
  server?: ServerKind;
  gpu?: GpuSpec;
  /** The initializer's command, e.g. `['/bin/sh', '-c', line]`. */
  initializerCommand?: string[];
  /** Only when TypeScript: JavaScript is the default and leaves the spec as it was. */
  language?: 'typescript';
}

export const DEFAULT_RUNTIME = 'nodejs20';
export const DEFAULT_DIR = 'my-fc-function';
export const DEFAULTS = { memorySize: 512, timeout: 60, hookTimeout: 60 } as const;

/** Whole-number ranges, from the FC3 API and the fc3 schema (spec §2.3). */
export const LIMITS = {
  'memory-size': { min: 128, max: 32768, multipleOf: 64 },
  timeout: { min: 1, max: 86400 },
  'initializer-timeout': { min: 1, max: 600 },
  'pre-stop-timeout': { min: 1, max: 900 },
} as const;

export const FUNCTION_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export function checkRuntime(value: string): string {
  if (!RUNTIME_IDS.includes(value)) {
    fail('runtime', `unknown runtime "${value}"; valid runtimes: ${RUNTIME_IDS.join(', ')}`);
  }
  return value;
}

export function checkFunctionName(value: string): string {
  if (!FUNCTION_NAME_PATTERN.test(value)) {
    fail('function-name', `"${value}" must be 1-64 letters, digits, _ or -, not starting with a digit or -`);
  }
  return value;
}

/**
 * The function name a directory name gives, made valid as create-vite makes package names: every run of
 * other characters becomes `-` (`my-fn.v2` gives `my-fn-v2`, `my fn` gives `my-fn`), no `-` at either end,
 * a leading digit gets `fn-`, at most 64 characters; a name with nothing usable gives the default.
 */
export function functionNameFrom(dirName: string): string {
  let name = dirName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (/^\d/.test(name)) name = `fn-${name}`;
  name = name.slice(0, 64).replace(/-+$/, '');
  return name === '' ? DEFAULT_DIR : name;
}

export function checkRegion(value: string): string {
  if (!(REGIONS as readonly string[]).includes(value)) {
    fail('region', `unknown region "${value}"; valid regions: ${REGIONS.join(', ')}`);
  }
  return value;
}

export function checkWholeNumber(field: keyof typeof LIMITS, value: string | number): number {
  const limit: { min: number; max: number; multipleOf?: number } = LIMITS[field];
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) fail(field, `"${value}" must be a whole number from ${limit.min} to ${limit.max}`);
  const n = Number(text);
  if (n < limit.min || n > limit.max) fail(field, `${n} must be from ${limit.min} to ${limit.max}`);
  if (limit.multipleOf && n % limit.multipleOf !== 0) fail(field, `${n} must be a multiple of ${limit.multipleOf}`);
  return n;
}

function hookEntry(answer: string | boolean | undefined, fallback: string): string | undefined {
  if (answer === false) return undefined;
  if (answer === true || answer === undefined) return fallback;
  return answer;
}

/**
 * Runtime-specific answers: a family that does not list one refuses it, naming the runtimes that take
 * it; the family validates the ones it takes. A command replaces the initializer's handler, so it
 * cannot come with an explicit handler or with the initializer switched off.
 */
function resolveRuntimeOptions(definition: RuntimeDefinition, answers: Answers, runtime: string): RuntimeOptions {
  for (const key of Object.keys(RUNTIME_OPTIONS) as RuntimeOptionKey[]) {
    if (answers[key] === undefined || definition.options?.keys.includes(key)) continue;
    const takers = FAMILIES.filter(({ card }) => card.optionKeys.includes(key)).flatMap(({ card }) => card.ids);
    fail(RUNTIME_OPTIONS[key], `only applies to ${takers.join(', ')}, not ${runtime}`);
  }
  if (answers.initializerCommand !== undefined) {
    if (answers.initializer === false) fail('initializer-command', 'contradicts --no-initializer');
    if (typeof answers.initializer === 'string') {
      fail('initializer-command', `cannot be combined with --initializer ${answers.initializer}: FC runs a hook's handler or its command, never both`);
    }
  }
  return definition.options?.resolve(answers, runtime) ?? {};
}

/** The runtime the answers ask for (the default if none), checked after the answers' types. */
export function runtimeOf(answers: Answers): string {
  checkAnswerTypes(answers);
  return checkRuntime(answers.runtime ?? DEFAULT_RUNTIME);
}

/**
 * Validates answers and applies defaults, throwing InputError on the first bad field: the runtime
 * (runtimeOf), then this, loading only the generator of that runtime's family.
 */
export async function loadSpec(answers: Answers, cwd: string = process.cwd()): Promise<ProjectSpec> {
  const runtime = runtimeOf(answers);
  return resolveSpecWith(await generatorFor(runtime), runtime, answers, cwd);
}

/**
 * The rest of the answers once `runtime` (runtimeOf) is known and `definition` is its generator, in the
 * order a reader fixes them: runtime options first (the entry formats depend on them), then names,
 * sizes and entry points.
 */
export function resolveSpecWith(definition: RuntimeDefinition, runtime: string, answers: Answers, cwd: string): ProjectSpec {
  const options = resolveRuntimeOptions(definition, answers, runtime);
  const recipe = resolveRecipe(definition, answers.recipe, runtime, options);
  const environment = resolveEnvironment(answers.env);
  const trigger = resolveTrigger(definition, answers.trigger, runtime, recipe, options.language);

  const dir = answers.dir ?? answers.functionName ?? DEFAULT_DIR;
  if (dir.trim() === '') fail('dir', 'must not be empty');
  const targetDir = resolve(cwd, dir);
  const functionName = checkFunctionName(answers.functionName ?? functionNameFrom(basename(targetDir)));
  const region = checkRegion(answers.region ?? DEFAULT_REGION);
  const memorySize = checkWholeNumber('memory-size', answers.memorySize ?? DEFAULTS.memorySize);
  const timeout = checkWholeNumber('timeout', answers.timeout ?? DEFAULTS.timeout);

  const handler = answers.handler ?? definition.defaults.handler;
  const defaults = hookDefaults(definition, handler);
  // A command takes the place of the initializer's entry point.
  const { initializerCommand } = options;
  const initializer = initializerCommand ? undefined : hookEntry(answers.initializer, defaults.initializer);
  const preStop = hookEntry(answers.preStop, defaults.preStop);
  const names = definition.parseEntries({ handler, initializer, preStop }, runtime);
  if (recipe) {
    const recipeDefinition = definition.recipes![recipe]!;
    checkRecipeNames(recipeDefinition.generatedNames, recipe, { handler, initializer, 'pre-stop': preStop });
    recipeDefinition.checkNames?.(names);
  }
  const initializerOn = initializer !== undefined || initializerCommand !== undefined;
  if (!initializerOn && answers.initializerTimeout !== undefined) {
    fail('initializer-timeout', 'is set but the initializer is off (drop --no-initializer or the timeout)');
  }
  if (preStop === undefined && answers.preStopTimeout !== undefined) {
    fail('pre-stop-timeout', 'is set but the preStop hook is off (drop --no-pre-stop or the timeout)');
  }

  return {
    targetDir,
    runtime,
    functionName,
    region,
    ...(answers.description !== undefined && answers.description !== '' && { description: answers.description }),
    memorySize,
    timeout,
    handler,
    ...(initializerOn && {
      initializer: {
        ...(initializerCommand ? { command: initializerCommand } : { handler: initializer! }),
        timeout: checkWholeNumber('initializer-timeout', answers.initializerTimeout ?? DEFAULTS.hookTimeout),
      },
    }),
    ...(preStop !== undefined && {
      preStop: {
        handler: preStop,
        timeout: checkWholeNumber('pre-stop-timeout', answers.preStopTimeout ?? DEFAULTS.hookTimeout),
      },
    }),
    ...(options.server && { server: options.server }),
    ...(options.gpu && { gpu: options.gpu }),
    ...(recipe && { recipe }),
    ...(environment && { environment }),
    ...(options.language && { language: options.language }),
    ...(trigger !== 'event' && { trigger }),
  };
}

/** The entry strings of a spec, as the runtime definitions take them. */
export function entryStrings(spec: ProjectSpec) {
  return { handler: spec.handler, initializer: spec.initializer?.handler, preStop: spec.preStop?.handler };
}

import { fail } from '../errors.ts';
import { oneLine } from '../escape.ts';
import { parseFlags } from './flags.ts';
import type { Answers } from '../spec.ts';

/** Every flag, in help order. `field` maps a value flag to the answer it fills. */
export const OPTIONS = {
  runtime: { type: 'string', short: 'r' },
  'function-name': { type: 'string' },
  region: { type: 'string' },
  description: { type: 'string' },
  'memory-size': { type: 'string' },
  timeout: { type: 'string' },
  handler: { type: 'string' },
  initializer: { type: 'string' },
  'pre-stop': { type: 'string' },
  'no-initializer': { type: 'boolean' },
  'no-pre-stop': { type: 'boolean' },
  'initializer-timeout': { type: 'string' },
  'pre-stop-timeout': { type: 'string' },
  server: { type: 'string' },
  gpu: { type: 'string' },
  'gpu-memory-size': { type: 'string' },
  'initializer-command': { type: 'string' },
  recipe: { type: 'string' },
  env: { type: 'string', multiple: true },
  language: { type: 'string' },
  trigger: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  list: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface CliArgs {
  answers: Answers;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  help: boolean;
  version: boolean;
  /** `--list`: print what the generator offers (as JSON with `--json`), generate nothing. */
  list: boolean;
  json: boolean;
}

/** Parses argv into answers and switches. Throws InputError for unknown or contradictory flags. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseFlags(undefined, argv, OPTIONS);
  if (values.help) return { answers: {}, yes: false, force: false, dryRun: false, help: true, version: false, list: false, json: false };
  checkListFlags(values, positionals);
  if (positionals.length > 1) {
    fail('dir', `only one directory may be given, got ${positionals.map((p) => `"${p}"`).join(' ')}`);
  }
  for (const hook of ['initializer', 'pre-stop'] as const) {
    if (values[hook] !== undefined && values[`no-${hook}`]) fail(hook, `--${hook} and --no-${hook} contradict each other`);
  }
  const answers: Answers = {
    dir: positionals[0],
    runtime: values.runtime,
    functionName: values['function-name'],
    region: values.region,
    description: values.description,
    memorySize: values['memory-size'],
    timeout: values.timeout,
    handler: values.handler,
    initializer: values['no-initializer'] ? false : values.initializer,
    preStop: values['no-pre-stop'] ? false : values['pre-stop'],
    initializerTimeout: values['initializer-timeout'],
    preStopTimeout: values['pre-stop-timeout'],
    server: values.server,
    gpu: values.gpu,
    gpuMemorySize: values['gpu-memory-size'],
    initializerCommand: values['initializer-command'],
    recipe: values.recipe,
    env: values.env,
    language: values.language,
    trigger: values.trigger,
  };
  for (const key of Object.keys(answers) as (keyof Answers)[]) {
    if (answers[key] === undefined) delete answers[key];
  }
  return {
    answers,
    yes: values.yes ?? false,
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    list: values.list ?? false,
    json: values.json ?? false,
  };
}

/**
 * `--list` prints and generates nothing, so a generation flag or a directory beside it is refused
 * rather than silently ignored (a script that meant to generate learns it did not); `--json` shapes
 * only the list.
 */
function checkListFlags(values: Record<string, unknown>, positionals: string[]): void {
  if (values.json && !values.list) fail('json', 'only applies to --list');
  if (!values.list) return;
  const others = Object.keys(values).filter((key) => key !== 'list' && key !== 'json' && values[key] !== undefined).map((key) => `--${key}`);
  if (positionals.length > 0) others.unshift(`"${oneLine(positionals[0]!)}"`);
  if (others.length > 0) fail('list', `prints the runtimes, recipes and defaults and generates nothing: drop ${others.join(' ')} (only --json goes with it)`);
}

// What the pipelines check before any rule of a field: that each answer has a type a front end can
// give (the programmatic API and plop are not type-checked: a number where a string belongs crashed
// with a TypeError, an array [512] passed as memory size 512, an object became s.yaml's description),
// and that no string carries a control character (a newline or NUL reached the README and s.yaml, an
// ANSI escape the terminal).
import { fail } from './errors.ts';
import type { AddHooksRequest, RemoveHooksRequest } from './hooks/index.ts';
import { RECIPES } from './recipes.ts';
import type { Answers } from './spec.ts';
import { TRIGGERS } from './triggers.ts';

type ValueType = 'string' | 'number' | 'boolean' | 'true' | 'object';
/** One field: its name in errors (the CLI flag), the types it takes, and how to say so when not the default. */
interface FieldType {
  field: string;
  types: readonly ValueType[];
  expected?: string;
  /** Text that may span lines (a description goes only into s.yaml, which quotes it): tab and line breaks allowed. */
  multiline?: true;
}

const NUMBER = ['string', 'number'] as const;
const ANSWER_TYPES: Record<keyof Answers, FieldType> = {
  dir: { field: 'dir', types: ['string'] },
  runtime: { field: 'runtime', types: ['string'] },
  functionName: { field: 'function-name', types: ['string'] },
  region: { field: 'region', types: ['string'] },
  description: { field: 'description', types: ['string'], multiline: true },
  memorySize: { field: 'memory-size', types: NUMBER },
  timeout: { field: 'timeout', types: NUMBER },
  handler: { field: 'handler', types: ['string'] },
  // A command object here would otherwise become an entry string.
  initializer: { field: 'initializer', types: ['string', 'boolean'], expected: 'an entry string, true or false (a command goes in initializerCommand)' },
  preStop: { field: 'pre-stop', types: ['string', 'boolean'], expected: 'an entry string, true or false (FC has no command-type PreStop hook)' },
  initializerTimeout: { field: 'initializer-timeout', types: NUMBER },
  preStopTimeout: { field: 'pre-stop-timeout', types: NUMBER },
  server: { field: 'server', types: ['string'] },
  gpu: { field: 'gpu', types: ['string'] },
  gpuMemorySize: { field: 'gpu-memory-size', types: NUMBER },
  initializerCommand: { field: 'initializer-command', types: ['string'] },
  recipe: { field: 'recipe', types: ['string'], expected: `one of ${RECIPES.join(', ')}` },
  // Its entries are checked by resolveEnvironment (src/environment.ts).
  env: { field: 'env', types: ['object'], expected: 'an array of "KEY=VALUE" strings or an object of strings' },
  language: { field: 'language', types: ['string'] },
  trigger: { field: 'trigger', types: ['string'], expected: `one of ${TRIGGERS.join(', ')}` },
};

const ADD_TYPES: Record<keyof AddHooksRequest, FieldType> = {
  dir: { field: 'dir', types: ['string'] },
  resource: { field: 'resource', types: ['string'] },
  initializer: { field: 'initializer', types: ['string', 'true'], expected: 'an entry string or true' },
  preStop: { field: 'pre-stop', types: ['string', 'true'], expected: 'an entry string or true' },
  initializerTimeout: { field: 'initializer-timeout', types: NUMBER },
  preStopTimeout: { field: 'pre-stop-timeout', types: NUMBER },
  initializerCommand: { field: 'initializer-command', types: ['string'] },
  dryRun: { field: 'dry-run', types: ['boolean'] },
};

const REMOVE_TYPES: Record<keyof RemoveHooksRequest, FieldType> = {
  dir: { field: 'dir', types: ['string'] },
  resource: { field: 'resource', types: ['string'] },
  initializer: { field: 'initializer', types: ['boolean'] },
  preStop: { field: 'pre-stop', types: ['boolean'] },
};

/** C0 controls (tab included), DEL and C1: none belongs in a name, an entry or a shell line. */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
/** The same but tab and line breaks, for multiline text. */
const CONTROL_BUT_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/** How an error names the type of a value it refuses: `null`, `an array`, `an object`, `number`, ... */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Checks `value` against `types` (undefined means not given; required fields are the callers' to insist on). */
function checkFields(what: string, value: unknown, types: Record<string, FieldType>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(what, `must be an object, got ${typeName(value)}`);
  for (const [key, { field, types: allowed, expected = `a ${allowed.join(' or ')}`, multiline }] of Object.entries(types)) {
    const given: unknown = (value as Record<string, unknown>)[key];
    if (given === undefined) continue;
    const fits = allowed.some((type) => (type === 'true' ? given === true : typeof given === type && given !== null));
    if (!fits) fail(field, `must be ${expected}, got ${typeName(given)}`);
    if (typeof given === 'number' && !Number.isFinite(given)) fail(field, `must be a finite number, got ${given}`);
    const control = multiline ? CONTROL_BUT_LINES : CONTROL;
    if (typeof given === 'string' && control.test(given)) {
      const code = given.match(control)![0].charCodeAt(0).toString(16).padStart(4, '0');
      fail(field, `must not contain control characters such as ${multiline ? 'NUL or' : 'line breaks, tabs or'} escapes (found \\u${code})`);
    }
  }
}

/** resolveSpec's answers. */
export function checkAnswerTypes(answers: unknown): asserts answers is Answers {
  checkFields('answers', answers, ANSWER_TYPES);
}

/** A request of planAddHooks / planRemoveHooks (and their cwd), from the CLI, plop or the API. */
export function checkHookRequest(kind: 'add' | 'remove', request: unknown, cwd: unknown): void {
  checkFields('request', request, kind === 'add' ? ADD_TYPES : REMOVE_TYPES);
  if (typeof (request as { dir?: unknown }).dir !== 'string') fail('dir', 'must be a string: the project directory');
  if (typeof cwd !== 'string') fail('cwd', `must be a string, got ${typeName(cwd)}`);
}

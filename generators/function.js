// plop generator `function`: a new Function Compute 3.0 project, the same flow as
// `npm create fc-lifecycle` through plop's prompts. The files come from the package's own pipeline
// (resolveSpec -> buildPlan -> writePlan), so templates, naming rules and validation are the CLI's.
import { basename, relative, resolve } from 'node:path';
import {
  buildPlan,
  checkFunctionName,
  checkWholeNumber,
  DEFAULT_DIR,
  DEFAULT_LANGUAGE,
  DEFAULT_RECIPE,
  DEFAULT_REGION,
  DEFAULT_RUNTIME,
  DEFAULT_TRIGGER,
  httpHandlerWritten,
  DEFAULTS,
  functionNameFrom,
  hookDefaults,
  offersTypeScript,
  RECIPE_LABELS,
  recipesOffered,
  REGIONS,
  resolveSpec,
  RUNTIMES,
  runtimeFor,
  serversFor,
  TRIGGER_LABELS,
  TRIGGERS,
  writePlan,
} from '../dist/index.js';
import { cwd, HOOK_CHOICES, validator } from './shared.js';

const ACTION = 'fc-lifecycle:create';
const hooksOf = (answers) => answers.hooks ?? ['initializer', 'preStop'];

/** Plop's answers as the generator's Answers: hooks chosen in a checkbox, entries only when customised. */
export function toAnswers(data) {
  const hooks = hooksOf(data);
  const answers = {
    dir: data.dir,
    runtime: data.runtime,
    server: data.server,
    language: data.language,
    trigger: data.trigger,
    recipe: data.recipe,
    functionName: data.functionName,
    region: data.region,
    description: data.description,
    memorySize: data.memorySize,
    timeout: data.timeout,
    handler: data.handler,
    initializer: hooks.includes('initializer') ? data.initializerEntry ?? true : false,
    preStop: hooks.includes('preStop') ? data.preStopEntry ?? true : false,
    initializerTimeout: hooks.includes('initializer') ? data.initializerTimeout : undefined,
    preStopTimeout: hooks.includes('preStop') ? data.preStopTimeout : undefined,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined && value !== ''));
}

/** Validates an entry with the runtime's own rules, together with the entries answered before it. */
const entry = (key) =>
  validator((value, answers) => {
    const definition = runtimeFor(answers.runtime);
    const handler = key === 'handler' ? value : answers.handler ?? definition.defaults.handler;
    const initializer = key === 'initializer' ? value : answers.initializerEntry;
    definition.parseEntries({ handler, ...(initializer && { initializer }), ...(key === 'preStop' && { preStop: value }) }, answers.runtime);
  });

const recipesFor = (answers) => recipesOffered(runtimeFor(answers.runtime), answers);

const number = (field) => validator((value) => checkWholeNumber(field, value));

export default function functionGenerator(plop) {
  plop.setActionType(ACTION, async (data) => {
    const spec = resolveSpec(toAnswers(data), cwd());
    const plan = await buildPlan(spec);
    const { written } = await writePlan(plan);
    return `${spec.runtime} function ${spec.functionName} in ${relative(cwd(), plan.targetDir) || '.'}: ${written.join(', ')}; next: ${plan.testCommand}, then s deploy`;
  });
  plop.setGenerator('function', {
    description: 'new FC 3.0 function with Initializer/PreStop hooks (same as npm create fc-lifecycle)',
    prompts: [
      { type: 'input', name: 'dir', message: 'Project directory:', default: DEFAULT_DIR, validate: (value) => (value.trim() === '' ? 'must not be empty' : true) },
      {
        type: 'list',
        name: 'runtime',
        message: 'Runtime:',
        default: DEFAULT_RUNTIME,
        choices: RUNTIMES.flatMap((r) => r.ids.map((id) => ({ name: `${id}  (${r.label})`, value: id }))),
        pageSize: 12,
      },
      {
        type: 'list',
        name: 'server',
        message: 'Server:',
        when: (answers) => runtimeFor(answers.runtime).options?.keys.includes('server') && serversFor(answers.runtime).length > 1,
        choices: [
          { name: 'Flask (Python)', value: 'flask' },
          { name: 'node:http (Node.js)', value: 'node' },
        ],
      },
      {
        type: 'list',
        name: 'language',
        message: 'Language:',
        when: (answers) => offersTypeScript(runtimeFor(answers.runtime), answers, answers.runtime),
        default: DEFAULT_LANGUAGE,
        choices: [
          { name: 'JavaScript', value: 'javascript' },
          { name: 'TypeScript (src/, built into code/ by esbuild)', value: 'typescript' },
        ],
      },
      {
        type: 'list',
        name: 'trigger',
        message: 'Trigger:',
        // Where the handler reads the HTTP event, it is written in JavaScript only.
        when: (answers) => httpHandlerWritten(runtimeFor(answers.runtime), undefined, answers.language),
        default: DEFAULT_TRIGGER,
        choices: TRIGGERS.map((trigger) => ({ name: TRIGGER_LABELS[trigger], value: trigger })),
      },
      {
        type: 'list',
        name: 'recipe',
        message: 'Recipe (what the hooks open and close):',
        when: (answers) => recipesFor(answers).length > 1,
        default: DEFAULT_RECIPE,
        choices: (answers) => recipesFor(answers).map((recipe) => ({ name: RECIPE_LABELS[recipe], value: recipe })),
      },
      { type: 'input', name: 'functionName', message: 'Function name:', default: (answers) => functionNameFrom(basename(resolve(cwd(), answers.dir))), validate: validator(checkFunctionName) },
      { type: 'list', name: 'region', message: 'Region:', default: DEFAULT_REGION, choices: REGIONS, pageSize: 12 },
      { type: 'checkbox', name: 'hooks', message: 'Lifecycle hooks:', choices: HOOK_CHOICES, default: ['initializer', 'preStop'] },
      { type: 'confirm', name: 'customise', message: 'Change entry points, memory or timeouts from the defaults?', default: false },
      { type: 'input', name: 'handler', message: 'Handler entry:', when: (a) => a.customise, default: (a) => runtimeFor(a.runtime).defaults.handler, validate: entry('handler') },
      {
        type: 'input',
        name: 'initializerEntry',
        message: 'Initializer entry:',
        when: (a) => a.customise && hooksOf(a).includes('initializer'),
        default: (a) => hookDefaults(runtimeFor(a.runtime), a.handler ?? runtimeFor(a.runtime).defaults.handler).initializer,
        validate: entry('initializer'),
      },
      {
        type: 'input',
        name: 'preStopEntry',
        message: 'PreStop entry:',
        when: (a) => a.customise && hooksOf(a).includes('preStop'),
        default: (a) => hookDefaults(runtimeFor(a.runtime), a.handler ?? runtimeFor(a.runtime).defaults.handler).preStop,
        validate: entry('preStop'),
      },
      { type: 'input', name: 'memorySize', message: 'Memory size (MB):', when: (a) => a.customise, default: String(DEFAULTS.memorySize), validate: number('memory-size') },
      { type: 'input', name: 'timeout', message: 'Function timeout (s):', when: (a) => a.customise, default: String(DEFAULTS.timeout), validate: number('timeout') },
      {
        type: 'input',
        name: 'initializerTimeout',
        message: 'Initializer timeout (s):',
        when: (a) => a.customise && hooksOf(a).includes('initializer'),
        default: String(DEFAULTS.hookTimeout),
        validate: number('initializer-timeout'),
      },
      {
        type: 'input',
        name: 'preStopTimeout',
        message: 'PreStop timeout (s):',
        when: (a) => a.customise && hooksOf(a).includes('preStop'),
        default: String(DEFAULTS.hookTimeout),
        validate: number('pre-stop-timeout'),
      },
    ],
    actions: [{ type: ACTION }],
  });
}

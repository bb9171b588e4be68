// Interactive questions. Loaded only when a prompt is shown, so --yes and --help never load inquirer.
import { basename } from 'node:path';
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { InputError } from '../errors.ts';
import { RECIPE_LABELS, RECIPES, DEFAULT_RECIPE } from '../recipes.ts';
import { REGIONS, DEFAULT_REGION } from '../regions.ts';
import { serversFor } from '../runtimes/custom.ts';
import { RUNTIMES, runtimeFor } from '../runtimes/index.ts';
import {
  checkFunctionName,
  checkWholeNumber,
  DEFAULT_DIR,
  DEFAULT_RUNTIME,
  DEFAULTS,
  type Answers,
} from '../spec.ts';

/** Turns a check that throws InputError into an inquirer `validate` that returns the rule. */
function validator(check: (value: string) => unknown) {
  return (value: string) => {
    try {
      check(value);
      return true;
    } catch (error) {
      if (error instanceof InputError) return error.rule;
      throw error;
    }
  };
}

/** Asks for every answer that was not given on the command line; returns the completed answers. */
export async function askMissing(given: Answers): Promise<Answers> {
  const answers: Answers = { ...given };
  answers.dir ??= await input({
    message: 'Project directory:',
    default: DEFAULT_DIR,
    validate: (value) => (value.trim() === '' ? 'must not be empty' : true),
  });
  answers.runtime ??= await select({
    message: 'Runtime:',
    default: DEFAULT_RUNTIME,
    choices: RUNTIMES.flatMap((r) => r.ids.map((id) => ({ name: `${id}  (${r.label})`, value: id }))),
    pageSize: 12,
  });
  const definition = runtimeFor(answers.runtime);
  if (definition.options?.keys.includes('server') && answers.server === undefined && serversFor(answers.runtime).length > 1) {
    answers.server = await select({
      message: 'Server:',
      choices: [
        { name: 'Flask (Python)', value: 'flask' },
        { name: 'node:http (Node.js)', value: 'node' },
      ],
    });
  }
  const recipes = RECIPES.filter((recipe) => recipe === 'none' || definition.recipes?.[recipe]);
  if (answers.recipe === undefined && recipes.length > 1) {
    answers.recipe = await select({
      message: 'Recipe (what the hooks open and close):',
      default: DEFAULT_RECIPE,
      choices: recipes.map((recipe) => ({ name: RECIPE_LABELS[recipe], value: recipe })),
    });
  }
  answers.functionName ??= await input({
    message: 'Function name:',
    default: basename(answers.dir),
    validate: validator(checkFunctionName),
  });
  answers.region ??= await select({
    message: 'Region:',
    default: DEFAULT_REGION,
    choices: REGIONS.map((region) => ({ name: region, value: region })),
    pageSize: 12,
  });
  // A command initializer (--initializer-command) is an initializer that has no entry point to ask for.
  if (answers.initializerCommand !== undefined) answers.initializer ??= true;
  if (answers.initializer === undefined || answers.preStop === undefined) {
    const hooks = await checkbox({
      message: 'Lifecycle hooks:',
      choices: [
        { name: 'Initializer (once per instance, before the first request)', value: 'initializer', checked: true, disabled: answers.initializer !== undefined && '(set by flag)' },
        { name: 'PreStop (before the instance is destroyed)', value: 'preStop', checked: true, disabled: answers.preStop !== undefined && '(set by flag)' },
      ],
    });
    answers.initializer ??= hooks.includes('initializer');
    answers.preStop ??= hooks.includes('preStop');
  }
  const customise = await confirm({ message: 'Change entry points, memory or timeouts from the defaults?', default: false });
  if (!customise) return answers;

  const entries = (extra: Partial<Record<'handler' | 'initializer' | 'preStop', string>>) =>
    validator(() => definition.parseEntries({ handler: answers.handler ?? definition.defaults.handler, ...extra }, answers.runtime!));
  answers.handler ??= await input({ message: 'Handler entry:', default: definition.defaults.handler, validate: (v) => entries({ handler: v })(v) });
  if (answers.initializer === true && answers.initializerCommand === undefined) {
    answers.initializer = await input({ message: 'Initializer entry:', default: definition.defaults.initializer, validate: (v) => entries({ initializer: v })(v) });
  }
  if (answers.preStop === true) {
    const initializer = typeof answers.initializer === 'string' ? answers.initializer : undefined;
    answers.preStop = await input({ message: 'PreStop entry:', default: definition.defaults.preStop, validate: (v) => entries({ initializer, preStop: v })(v) });
  }
  answers.memorySize ??= await input({ message: 'Memory size (MB):', default: String(DEFAULTS.memorySize), validate: validator((v) => checkWholeNumber('memory-size', v)) });
  answers.timeout ??= await input({ message: 'Function timeout (s):', default: String(DEFAULTS.timeout), validate: validator((v) => checkWholeNumber('timeout', v)) });
  if (answers.initializer !== false) {
    answers.initializerTimeout ??= await input({ message: 'Initializer timeout (s):', default: String(DEFAULTS.hookTimeout), validate: validator((v) => checkWholeNumber('initializer-timeout', v)) });
  }
  if (answers.preStop !== false) {
    answers.preStopTimeout ??= await input({ message: 'PreStop timeout (s):', default: String(DEFAULTS.hookTimeout), validate: validator((v) => checkWholeNumber('pre-stop-timeout', v)) });
  }
  return answers;
}

// Interactive questions. Loaded only when a prompt is shown, so --yes and --help never load inquirer.
import { basename, resolve } from 'node:path';
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { InputError } from '../errors.ts';
import { hookDefaults } from '../hook-entries.ts';
import { DEFAULT_LANGUAGE, offersTypeScript } from '../languages.ts';
import { recipesOffered } from '../recipe-answers.ts';
import { RECIPE_LABELS, DEFAULT_RECIPE } from '../recipes.ts';
import { REGIONS, DEFAULT_REGION } from '../regions.ts';
import { DEFAULT_TRIGGER, httpHandlerWritten, TRIGGER_LABELS, TRIGGERS } from '../triggers.ts';
import { GPU_CARDS, GPU_MEMORY, GPU_TYPES } from '../runtimes/container/gpu.ts';
import { serversFor } from '../runtimes/custom/generate.ts';
import { FAMILIES, generatorFor } from '../runtimes/index.ts';
import type { RuntimeDefinition } from '../runtimes/types.ts';
import {
  checkFunctionName,
  checkWholeNumber,
  DEFAULT_DIR,
  DEFAULT_RUNTIME,
  DEFAULTS,
  functionNameFrom,
  type Answers,
} from '../spec.ts';
import { targetEntries } from '../writer.ts';

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

/** Ends the run as Ctrl-C does: the CLI says "cancelled: nothing written" and exits 130. */
function cancel(): never {
  throw Object.assign(new Error('cancelled'), { name: 'ExitPromptError' });
}

/**
 * Checks the target directory before anything else is asked: a file is an error at once, and a
 * non-empty directory gets one choice, cancel or write only the generated files (as --force does).
 * Returns whether to write as --force does.
 */
async function checkTargetFirst(dir: string, cwd: string, force: boolean): Promise<boolean> {
  const entries = await targetEntries(resolve(cwd, dir));
  if (entries === 0 || force) return force;
  const choice = await select({
    message: `${dir} is not empty (${entries} ${entries === 1 ? 'entry' : 'entries'}):`,
    choices: [
      { name: 'Cancel: write nothing', value: 'cancel' },
      { name: 'Write only the generated files, replacing those that exist (as --force); keep everything else', value: 'force' },
    ],
  });
  if (choice === 'cancel') cancel();
  return true;
}

/** custom-container: whether it is a GPU function, its GPU memory and whether the initializer is a command, as the flags allow. */
async function askGpu(answers: Answers, definition: RuntimeDefinition<any>): Promise<void> {
  if (!definition.options?.keys.includes('gpu') || answers.gpu !== undefined) return;
  const gpu = await select({
    message: 'GPU:',
    choices: [{ name: 'none (a CPU function)', value: '' }, ...GPU_TYPES.map((type) => ({ name: `${type}  (${GPU_CARDS[type]!.card})`, value: type }))],
  });
  if (gpu === '') return;
  answers.gpu = gpu;
  answers.gpuMemorySize ??= await input({
    message: `GPU memory (MB, up to ${GPU_CARDS[gpu]!.maxMemory}):`,
    default: String(GPU_MEMORY.default),
    validate: validator((value) => definition.options!.resolve({ gpu, gpuMemorySize: value }, answers.runtime!)),
  });
  if (answers.initializerCommand !== undefined || answers.initializer !== undefined) return;
  if (await confirm({ message: 'Run the initializer as a command instead of POST /initialize?', default: false })) {
    answers.initializerCommand = await input({ message: 'Initializer command (run with /bin/sh -c):', default: '/code/warm-up.sh', validate: (v) => (v.trim() === '' ? 'must not be empty' : true) });
  }
}

/**
 * Asks for every answer that was not given on the command line, the target directory checked first;
 * returns the completed answers and whether to write as --force does.
 */
export async function askMissing(given: Answers, cwd: string, givenForce: boolean): Promise<{ answers: Answers; force: boolean }> {
  const answers: Answers = { ...given };
  answers.dir ??= await input({
    message: 'Project directory:',
    default: DEFAULT_DIR,
    // A file in the way is refused right here; a non-empty directory is asked about next.
    validate: async (value) =>
      value.trim() === '' ? 'must not be empty' : targetEntries(resolve(cwd, value)).then(() => true, (error) => (error instanceof InputError ? error.rule : Promise.reject(error))),
  });
  const force = await checkTargetFirst(answers.dir, cwd, givenForce);
  answers.runtime ??= await select({
    message: 'Runtime:',
    default: DEFAULT_RUNTIME,
    choices: FAMILIES.flatMap(({ card }) => card.ids.map((id) => ({ name: `${id}  (${card.label})`, value: id }))),
    pageSize: 12,
  });
  const definition = await generatorFor(answers.runtime);
  if (definition.options?.keys.includes('server') && answers.server === undefined && serversFor(answers.runtime).length > 1) {
    answers.server = await select({
      message: 'Server:',
      choices: [
        { name: 'Flask (Python)', value: 'flask' },
        { name: 'node:http (Node.js)', value: 'node' },
      ],
    });
  }
  if (answers.language === undefined && offersTypeScript(definition, answers, answers.runtime)) {
    answers.language = await select({
      message: 'Language:',
      default: DEFAULT_LANGUAGE,
      choices: [
        { name: 'JavaScript', value: 'javascript' },
        { name: 'TypeScript (src/, built into code/ by esbuild)', value: 'typescript' },
      ],
    });
  }
  await askGpu(answers, definition);
  // A handler that reads the HTTP event is written in JavaScript with the stand-in resource only: there a
  // recipe given as a flag, or TypeScript, settles the trigger (event).
  if (answers.trigger === undefined && httpHandlerWritten(definition, answers.recipe, answers.language)) {
    answers.trigger = await select({
      message: 'Trigger:',
      default: DEFAULT_TRIGGER,
      choices: TRIGGERS.map((trigger) => ({ name: TRIGGER_LABELS[trigger], value: trigger })),
    });
  }
  const recipes = recipesOffered(definition, answers);
  if (answers.recipe === undefined && recipes.length > 1) {
    answers.recipe = await select({
      message: 'Recipe (what the hooks open and close):',
      default: DEFAULT_RECIPE,
      choices: recipes.map((recipe) => ({ name: RECIPE_LABELS[recipe], value: recipe })),
    });
  }
  answers.functionName ??= await input({
    message: 'Function name:',
    default: functionNameFrom(basename(resolve(cwd, answers.dir))),
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
  if (!customise) return { answers, force };

  const entries = (extra: Partial<Record<'handler' | 'initializer' | 'preStop', string>>) =>
    validator(() => definition.parseEntries({ handler: answers.handler ?? definition.defaults.handler, ...extra }, answers.runtime!));
  answers.handler ??= await input({ message: 'Handler entry:', default: definition.defaults.handler, validate: (v) => entries({ handler: v })(v) });
  // Offered hook entries sit beside the handler just answered, so the defaults pass their own validation.
  const hookEntries = hookDefaults(definition, answers.handler);
  if (answers.initializer === true && answers.initializerCommand === undefined) {
    answers.initializer = await input({ message: 'Initializer entry:', default: hookEntries.initializer, validate: (v) => entries({ initializer: v })(v) });
  }
  if (answers.preStop === true) {
    const initializer = typeof answers.initializer === 'string' ? answers.initializer : undefined;
    answers.preStop = await input({ message: 'PreStop entry:', default: hookEntries.preStop, validate: (v) => entries({ initializer, preStop: v })(v) });
  }
  answers.memorySize ??= await input({ message: 'Memory size (MB):', default: String(DEFAULTS.memorySize), validate: validator((v) => checkWholeNumber('memory-size', v)) });
  answers.timeout ??= await input({ message: 'Function timeout (s):', default: String(DEFAULTS.timeout), validate: validator((v) => checkWholeNumber('timeout', v)) });
  if (answers.initializer !== false) {
    answers.initializerTimeout ??= await input({ message: 'Initializer timeout (s):', default: String(DEFAULTS.hookTimeout), validate: validator((v) => checkWholeNumber('initializer-timeout', v)) });
  }
  if (answers.preStop !== false) {
    answers.preStopTimeout ??= await input({ message: 'PreStop timeout (s):', default: String(DEFAULTS.hookTimeout), validate: validator((v) => checkWholeNumber('pre-stop-timeout', v)) });
  }
  return { answers, force };
}

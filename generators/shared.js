// What the plop generators share. They run in the user's project, from node_modules: relative
// directories are taken from where plop was started (process.cwd()), not from the plopfile's folder.
import { applyHookPlan, hookPlanDiff, InputError, inspectProject, listResources } from '../dist/index.js';

/** Where relative directories in answers are resolved from. */
export const cwd = () => process.cwd();

/** Turns a check that throws InputError into an inquirer `validate` that returns the rule. */
export function validator(check) {
  return async (value, answers) => {
    try {
      await check(value, answers);
      return true;
    } catch (error) {
      if (error instanceof InputError) return error.rule;
      throw error;
    }
  };
}

/** Remembers the last result of an async function per key (prompts ask about the same project several times). */
export function memo(compute) {
  const cache = new Map();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!cache.has(key)) cache.set(key, compute(...args));
    return cache.get(key);
  };
}

/** How a hook stands in s.yaml, for prompt messages. */
export function describeHook(state) {
  if (state.status === 'absent') return 'not in s.yaml';
  if (state.status === 'off') return 'switched off';
  return `on: ${state.handler || state.command.join(' ')}`;
}

/** The hooks plop's checkbox chose: every choice, whatever the hook's state (the messages show it). */
export const HOOK_CHOICES = [
  { name: 'Initializer (once per instance, before the first request)', value: 'initializer' },
  { name: 'PreStop (before the instance is destroyed)', value: 'preStop' },
];

/** A plan's result as one text for plop's action line: what was written, then what was found. */
export function planSummary(plan, written) {
  const head = written.length > 0 ? `wrote ${written.join(', ')}` : 'nothing to change: everything asked for is already in place';
  return [head, ...plan.notes.map((note) => `  ${note}`), ...plan.warnings.map((warning) => `  warning: ${warning}`)].join('\n');
}

/**
 * What `hook` and `unhook` share: the action that applies the plan, the questions about the project
 * (directory; resource when s.yaml has several; which hooks, `checked` choosing the default ones from
 * each hook's state), and the closing question that shows the diff (plop's dry run: no writes nothing).
 * `planHooks` is planAddHooks or planRemoveHooks, `toRequest` turns answers into its request.
 */
export function hookEditing(plop, { action, planHooks, toRequest, hooksMessage, checked }) {
  const project = memo((dir, resource) => inspectProject(dir, cwd(), resource || undefined));
  const resources = memo((dir) => listResources(dir, cwd()));
  const plan = memo((data) => planHooks(toRequest(data), cwd()));
  const info = (answers) => project(answers.dir, answers.resource ?? '');

  plop.setActionType(action, async (data) => {
    if (data.apply === false) return 'nothing written (not confirmed)';
    const result = await planHooks(toRequest(data), cwd());
    return planSummary(result, await applyHookPlan(result));
  });

  const projectPrompts = [
    {
      type: 'input',
      name: 'dir',
      message: 'Project directory (with s.yaml):',
      default: '.',
      // With one fc3 resource, the whole project is checked here, so a problem shows at the first question.
      validate: validator(async (dir) => ((await resources(dir)).length === 1 ? project(dir, '') : undefined)),
    },
    {
      type: 'input',
      name: 'resource',
      message: async (answers) => `fc3 resource (${(await resources(answers.dir)).join(', ')}):`,
      when: async (answers) => (await resources(answers.dir)).length > 1,
      default: async (answers) => (await resources(answers.dir))[0],
      validate: validator((resource, answers) => project(answers.dir, resource)),
    },
    {
      type: 'checkbox',
      name: 'hooks',
      message: async (answers) => {
        const { resource, runtime, hooks } = await info(answers);
        return `${hooksMessage} ${resource} (${runtime}; Initializer ${describeHook(hooks.initializer)}, PreStop ${describeHook(hooks.preStop)}):`;
      },
      choices: HOOK_CHOICES,
      default: async (answers) => Object.entries((await info(answers)).hooks).filter(([, state]) => checked(state)).map(([kind]) => kind),
      validate: (hooks) => hooks.length > 0 || 'choose at least one hook',
    },
  ];
  const confirmPrompt = {
    type: 'confirm',
    name: 'apply',
    message: async (answers) => `${hookPlanDiff(await plan(answers))}Write these changes?`,
    // No question when there is nothing to write, or when planning fails (the action reports why).
    when: async (answers) => plan(answers).then((result) => result.changes.length > 0, () => false),
    default: true,
  };
  return { info, projectPrompts, confirmPrompt };
}

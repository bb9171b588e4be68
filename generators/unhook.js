// plop generator `unhook`: switches hooks off in an existing FC project, the same edit as
// `create-fc-lifecycle remove`: s.yaml sends the hook empty (handler "", and command [] for the
// initializer), with a comment saying why; the code keeps its function, with a comment. The last
// question shows the diff; answering no writes nothing.
import { applyHookPlan, hookPlanDiff, inspectProject, listResources, planRemoveHooks } from '../dist/index.js';
import { cwd, describeHook, HOOK_CHOICES, memo, planSummary, validator } from './shared.js';

const ACTION = 'fc-lifecycle:remove-hooks';

/** Plop's answers as a remove request. */
export function toRequest(data) {
  const hooks = data.hooks ?? [];
  return {
    dir: data.dir ?? '.',
    ...(data.resource && { resource: data.resource }),
    initializer: hooks.includes('initializer'),
    preStop: hooks.includes('preStop'),
  };
}

export default function unhookGenerator(plop) {
  const project = memo((dir, resource) => inspectProject(dir, cwd(), resource || undefined));
  const resources = memo((dir) => listResources(dir, cwd()));
  const plan = memo((data) => planRemoveHooks(toRequest(data), cwd()));
  const info = (answers) => project(answers.dir, answers.resource ?? '');

  plop.setActionType(ACTION, async (data) => {
    if (data.apply === false) return 'nothing written (not confirmed)';
    const result = await planRemoveHooks(toRequest(data), cwd());
    return planSummary(result, await applyHookPlan(result));
  });
  plop.setGenerator('unhook', {
    description: 'switch an Initializer or PreStop hook off in an existing FC project (s.yaml sends it empty)',
    prompts: [
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
          return `Hooks to switch off in ${resource} (${runtime}; Initializer ${describeHook(hooks.initializer)}, PreStop ${describeHook(hooks.preStop)}):`;
        },
        choices: HOOK_CHOICES,
        default: async (answers) => Object.entries((await info(answers)).hooks).filter(([, state]) => state.status === 'on').map(([kind]) => kind),
        validate: (hooks) => hooks.length > 0 || 'choose at least one hook',
      },
      {
        type: 'confirm',
        name: 'apply',
        message: async (answers) => `${hookPlanDiff(await plan(answers))}Write these changes?`,
        when: async (answers) => plan(answers).then((result) => result.changes.length > 0, () => false),
        default: true,
      },
    ],
    actions: [{ type: ACTION }],
  });
}

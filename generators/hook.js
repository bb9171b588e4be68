// plop generator `hook`: adds an Initializer and/or PreStop hook to an EXISTING FC project, the same
// edit as `create-fc-lifecycle add`: s.yaml's instanceLifecycleConfig (comments and layout kept) and
// the hook function in the handler's file. The last question shows the diff; answering no writes
// nothing (plop's dry run).
import { applyHookPlan, checkWholeNumber, DEFAULTS, HOOK_LABELS, hookPlanDiff, inspectProject, listResources, planAddHooks } from '../dist/index.js';
import { cwd, describeHook, HOOK_CHOICES, memo, planSummary, validator } from './shared.js';

const ACTION = 'fc-lifecycle:add-hooks';
const TIMEOUT_FIELDS = { initializer: 'initializer-timeout', preStop: 'pre-stop-timeout' };

/** Plop's answers as an add request: a chosen hook without an entry answer takes s.yaml's or the default. */
export function toRequest(data) {
  const hooks = data.hooks ?? ['initializer', 'preStop'].filter((kind) => data[kind] !== undefined);
  const request = { dir: data.dir ?? '.' };
  if (data.resource) request.resource = data.resource;
  for (const kind of ['initializer', 'preStop']) {
    if (!hooks.includes(kind)) continue;
    request[kind] = data[kind] || true;
    if (data[`${kind}Timeout`] !== undefined && data[`${kind}Timeout`] !== '') request[`${kind}Timeout`] = data[`${kind}Timeout`];
  }
  return request;
}

export default function hookGenerator(plop) {
  const project = memo((dir, resource) => inspectProject(dir, cwd(), resource || undefined));
  const resources = memo((dir) => listResources(dir, cwd()));
  const plan = memo((data) => planAddHooks(toRequest(data), cwd()));
  const info = (answers) => project(answers.dir, answers.resource ?? '');
  const asks = (kind) => async (answers) => answers.hooks.includes(kind) && (await info(answers)).hooks[kind].status !== 'on';

  plop.setActionType(ACTION, async (data) => {
    if (data.apply === false) return 'nothing written (not confirmed)';
    const result = await planAddHooks(toRequest(data), cwd());
    return planSummary(result, await applyHookPlan(result));
  });
  plop.setGenerator('hook', {
    description: 'add an Initializer and/or PreStop hook to an existing FC project (code and s.yaml)',
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
          return `Hooks to add to ${resource} (${runtime}; Initializer ${describeHook(hooks.initializer)}, PreStop ${describeHook(hooks.preStop)}):`;
        },
        choices: HOOK_CHOICES,
        default: async (answers) => Object.entries((await info(answers)).hooks).filter(([, state]) => state.status !== 'on').map(([kind]) => kind),
        validate: (hooks) => hooks.length > 0 || 'choose at least one hook',
      },
      ...['initializer', 'preStop'].flatMap((kind) => [
        {
          type: 'input',
          name: kind,
          message: `${HOOK_LABELS[kind]} entry:`,
          when: asks(kind),
          default: async (answers) => (await info(answers)).defaults[kind],
          validate: async (value, answers) => (await info(answers)).checkEntry(kind, value) ?? true,
        },
        {
          type: 'input',
          name: `${kind}Timeout`,
          message: `${HOOK_LABELS[kind]} timeout (s):`,
          when: asks(kind),
          default: async (answers) => {
            const { timeout } = (await info(answers)).hooks[kind];
            return String(typeof timeout === 'number' ? timeout : DEFAULTS.hookTimeout);
          },
          validate: validator((value) => checkWholeNumber(TIMEOUT_FIELDS[kind], value)),
        },
      ]),
      {
        type: 'confirm',
        name: 'apply',
        message: async (answers) => `${hookPlanDiff(await plan(answers))}Write these changes?`,
        // No question when there is nothing to write, or when planning fails (the action reports why).
        when: async (answers) => plan(answers).then((result) => result.changes.length > 0, () => false),
        default: true,
      },
    ],
    actions: [{ type: ACTION }],
  });
}

// plop generator `hook`: adds an Initializer and/or PreStop hook to an EXISTING FC project, the same
// edit as `create-fc-lifecycle add`: s.yaml's instanceLifecycleConfig (comments and layout kept) and
// the hook function in the handler's file. The last question shows the diff; answering no writes
// nothing (plop's dry run).
import { checkWholeNumber, DEFAULTS, HOOK_LABELS, planAddHooks } from '../dist/index.js';
import { hookEditing, validator } from './shared.js';

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
  const { info, projectPrompts, confirmPrompt } = hookEditing(plop, {
    action: ACTION,
    planHooks: planAddHooks,
    toRequest,
    hooksMessage: 'Hooks to add to',
    checked: (state) => state.status !== 'on',
  });
  const asks = (kind) => async (answers) => answers.hooks.includes(kind) && (await info(answers)).hooks[kind].status !== 'on';
  plop.setGenerator('hook', {
    description: 'add an Initializer and/or PreStop hook to an existing FC project (code and s.yaml)',
    prompts: [
      ...projectPrompts,
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
      confirmPrompt,
    ],
    actions: [{ type: ACTION }],
  });
}

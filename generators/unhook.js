// plop generator `unhook`: switches hooks off in an existing FC project, the same edit as
// `create-fc-lifecycle remove`: s.yaml sends the hook empty (handler "", and command [] for the
// initializer), with a comment saying why; the code keeps its function, with a comment. The last
// question shows the diff; answering no writes nothing.
import { planRemoveHooks } from '../dist/index.js';
import { hookEditing } from './shared.js';

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
  const { projectPrompts, confirmPrompt } = hookEditing(plop, {
    action: ACTION,
    planHooks: planRemoveHooks,
    toRequest,
    hooksMessage: 'Hooks to switch off in',
    checked: (state) => state.status === 'on',
  });
  plop.setGenerator('unhook', {
    description: 'switch an Initializer or PreStop hook off in an existing FC project (s.yaml sends it empty)',
    prompts: [...projectPrompts, confirmPrompt],
    actions: [{ type: ACTION }],
  });
}

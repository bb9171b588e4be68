// Questions of `add` and `remove` on a terminal. Loaded only when a prompt is shown.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { InputError } from '../errors.ts';
import { HOOK_KINDS, HOOK_LABELS, inspectProject, listResources, type AddHooksRequest, type HookState, type ProjectInfo, type RemoveHooksRequest } from '../hooks/index.ts';
import { checkWholeNumber, DEFAULTS } from '../spec.ts';

const TIMEOUT_FIELDS = { initializer: 'initializer-timeout', preStop: 'pre-stop-timeout' } as const;
const TIMEOUT_ANSWERS = { initializer: 'initializerTimeout', preStop: 'preStopTimeout' } as const;

function describe(state: HookState): string {
  if (state.status === 'absent') return 'not in s.yaml';
  if (state.status === 'off') return 'switched off in s.yaml';
  return `on in s.yaml: ${state.handler || state.command?.join(' ')}`;
}

/** The project, after asking for the resource when s.yaml has several fc3 resources. */
async function project(dir: string, cwd: string, resource: string | undefined): Promise<ProjectInfo> {
  if (resource === undefined) {
    const resources = await listResources(dir, cwd);
    if (resources.length > 1) {
      resource = await select({ message: 'Which fc3 resource?', choices: resources.map((key) => ({ name: key, value: key })) });
    }
  }
  return inspectProject(dir, cwd, resource);
}

/** Asks which hooks to add, their entries and timeouts; hooks already on keep their entry. */
export async function askHooksToAdd(given: AddHooksRequest, cwd: string): Promise<AddHooksRequest> {
  const info = await project(given.dir, cwd, given.resource);
  const request: AddHooksRequest = { ...given, resource: info.resource };
  const kinds = await checkbox({
    message: `Hooks to add to ${info.resource} (${info.runtime}):`,
    choices: HOOK_KINDS.map((kind) => ({ name: `${HOOK_LABELS[kind]} (${describe(info.hooks[kind])})`, value: kind, checked: info.hooks[kind].status !== 'on' })),
    required: true,
  });
  for (const kind of kinds) {
    const state = info.hooks[kind];
    if (state.status === 'on') {
      request[kind] = state.handler;
      continue;
    }
    request[kind] = await input({
      message: `${HOOK_LABELS[kind]} entry:`,
      default: info.defaults[kind],
      validate: (value) => info.checkEntry(kind, value) ?? true,
    });
    request[TIMEOUT_ANSWERS[kind]] ??= await input({
      message: `${HOOK_LABELS[kind]} timeout (s):`,
      default: String(typeof state.timeout === 'number' ? state.timeout : DEFAULTS.hookTimeout),
      validate: (value) => {
        try {
          checkWholeNumber(TIMEOUT_FIELDS[kind], value);
          return true;
        } catch (error) {
          if (error instanceof InputError) return error.rule;
          throw error;
        }
      },
    });
  }
  return request;
}

/** Asks which hooks to switch off. */
export async function askHooksToRemove(given: RemoveHooksRequest, cwd: string): Promise<RemoveHooksRequest> {
  const info = await project(given.dir, cwd, given.resource);
  const kinds = await checkbox({
    message: `Hooks to switch off in ${info.resource} (${info.runtime}):`,
    choices: HOOK_KINDS.map((kind) => ({ name: `${HOOK_LABELS[kind]} (${describe(info.hooks[kind])})`, value: kind, checked: info.hooks[kind].status === 'on' })),
    required: true,
  });
  return { ...given, resource: info.resource, initializer: kinds.includes('initializer'), preStop: kinds.includes('preStop') };
}

export function confirmWrite(): Promise<boolean> {
  return confirm({ message: 'Write these changes?', default: true });
}

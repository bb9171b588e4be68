// `add` and a GPU custom container's command-type initializer (spec §1.10): `--initializer-command`
// sets one, and `--initializer` restores the one `remove` switched off (its comment records the command,
// since s.yaml keeps only `command: []`), so switching it off and on again gives back the command form.
// FC runs the command in the instance and never calls POST /initialize for it: no route is needed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sameData } from '../same-data.ts';
import { fail } from '../errors.ts';
import { shellCommand } from '../runtimes/container/gpu.ts';
import { DEFAULTS } from '../spec.ts';
import { isMap } from 'yaml';
import { editableProps } from '../project/editable.ts';
import { parseSYaml } from '../project/parse.ts';
import { hookState, recordedInitializerCommand, switchOnHook } from './s-yaml-edit.ts';
import type { HookState } from './types.ts';

const FIELD = 'initializer-command';
const RUNTIME = 'custom-container';
const SWITCH_OFF_FIRST = 'switch it off first with `create-fc-lifecycle remove --initializer`';

function at(state: HookState): string {
  return state.line === undefined ? '' : `, s.yaml line ${state.line}`;
}

async function isGpuFunction(sYaml: string, resource: string): Promise<boolean> {
  const gpu = editableProps(await parseSYaml(sYaml), sYaml, resource).get('gpuConfig', true);
  return isMap(gpu) && typeof gpu.get('gpuType') === 'string';
}

/**
 * The command `add` gives the initializer, or undefined when it gets a handler: the one given with
 * --initializer-command (checked as `create` checks it); else, on a custom container, the one it runs
 * (so that `add --initializer` again changes nothing) or, when it is off, the one `remove` recorded.
 * Only a GPU custom container can have one.
 */
export async function initializerCommandToAdd(given: string | undefined, state: HookState, sYaml: string, project: { resource: string; runtime: string }): Promise<string[] | undefined> {
  if (given !== undefined) {
    if (project.runtime !== RUNTIME) fail(FIELD, `only applies to ${RUNTIME}, not ${project.runtime}`);
    if (!(await isGpuFunction(sYaml, project.resource))) fail(FIELD, 'needs a GPU function (gpuConfig.gpuType in s.yaml): FC runs command-type initializers for GPU functions only');
    return shellCommand(given);
  }
  if (project.runtime === RUNTIME && state.status === 'on' && state.command?.length) return state.command;
  const recorded = state.status === 'on' ? undefined : await recordedInitializerCommand(sYaml, project.resource);
  if (recorded && (project.runtime !== RUNTIME || !(await isGpuFunction(sYaml, project.resource)))) {
    fail('initializer', `s.yaml says it was the command ${JSON.stringify(recorded)}${at(state)}, which only a GPU custom container can run; to add a handler initializer instead, delete that comment line`);
  }
  return recorded;
}

/**
 * The files under /code the command names that code/ (the image's /code: COPY . . in code/Dockerfile)
 * does not have: FC would fail the initializer on them.
 */
export function missingImageFiles(command: readonly string[], root: string): string[] {
  const paths = command.flatMap((arg) => [...arg.matchAll(/(?<![^\s'"=:])\/code\/([\w.\/-]+)/g)].map((match) => match[1]!));
  return paths.filter((path) => !existsSync(join(root, 'code', path))).map((path) => `/code/${path}`);
}

/** s.yaml with the initializer on as `command` (timeout as given, else the one there or the default), and what changed. */
export async function addCommandInitializer(sYaml: string, resource: string, command: string[], timeout: number | undefined): Promise<{ sYaml: string; note: string }> {
  const state = await hookState(sYaml, resource, 'initializer');
  const shown = command.join(' ');
  if (state.status === 'on') {
    if (!state.command?.length) {
      fail(FIELD, `s.yaml already has the Initializer hook with handler ${state.handler}${at(state)}, and FC runs a hook's handler or its command, never both; ${SWITCH_OFF_FIRST}`);
    }
    if (!sameData(state.command, command)) {
      fail(FIELD, `s.yaml already runs the initializer as the command ${state.command.join(' ')}${at(state)}; ${SWITCH_OFF_FIRST}`);
    }
    if (timeout === undefined || state.timeout === timeout) return { sYaml, note: `Initializer: s.yaml already runs the command ${shown}${at(state)}` };
    return { sYaml: await switchOnHook(sYaml, resource, 'initializer', { command, timeout }), note: `Initializer: s.yaml already runs the command ${shown}${at(state)}; timeout set to ${timeout}` };
  }
  const chosen = timeout ?? (typeof state.timeout === 'number' ? undefined : DEFAULTS.hookTimeout);
  const after = await switchOnHook(sYaml, resource, 'initializer', { command, ...(chosen !== undefined && { timeout: chosen }) });
  const afterState = await hookState(after, resource, 'initializer');
  return {
    sYaml: after,
    note:
      `Initializer: s.yaml ${state.status === 'off' ? 'switched back on' : 'added'} as a command: ${shown}, timeout ${afterState.timeout}${at(afterState)}; ` +
      'FC runs it in the instance once it has started and does not call POST /initialize',
  };
}

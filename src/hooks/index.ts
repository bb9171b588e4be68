// Adding and switching off lifecycle hooks in an existing project: the one implementation behind
// `create-fc-lifecycle add|remove` and the plop `hook`/`unhook` generators. Planning reads the project
// and computes every edit in memory (throwing InputError, with nothing written, for a shape it cannot
// edit safely); applying writes the planned files atomically.
import { relative, sep } from 'node:path';
import { commitFiles } from '../file-transaction.ts';
import { fail, InputError } from '../errors.ts';
import { familyOf } from '../runtimes/index.ts';
import type { FamilyDefinition } from '../runtimes/family.ts';
import { checkWholeNumber, DEFAULTS } from '../spec.ts';
import { loadTemplates } from '../templates.ts';
import { addCommandInitializer, initializerCommandToAdd, missingImageFiles } from './command-initializer.ts';
import { withoutDirectory } from '../hook-entries.ts';
import { unifiedDiff } from './diff.ts';
import { openProject, type LoadedProject } from '../project/open.ts';
import { checkKeptValues } from './kept-values.ts';
import { hookState, switchOffHook, switchOnHook } from './s-yaml-edit.ts';
import type { AddHooksRequest, HookPlan, ProjectInfo, RemoveHooksRequest } from './requests.ts';
import { HOOK_FLAGS, HOOK_KINDS, HOOK_LABELS, type CodeFile, type HookKind, type HookState, type LanguageHooks } from './types.ts';

export { listResources } from '../project/open.ts';
export { HOOK_KINDS, HOOK_LABELS, type HookKind } from './types.ts';
export type { HookState } from './types.ts';
export type { AddHooksRequest, FileChange, HookPlan, ProjectInfo, RemoveHooksRequest } from './requests.ts';

/** The family of s.yaml's runtime, which knows its code (refused for a runtime this tool does not know). */
function familyFor(runtime: string): FamilyDefinition {
  const family = familyOf(runtime);
  if (!family) fail('runtime', `s.yaml's runtime "${runtime}" is not a Function Compute 3.0 runtime create-fc-lifecycle knows`);
  return family;
}

interface Context {
  project: LoadedProject;
  family: FamilyDefinition;
  language: LanguageHooks;
}

async function open(dir: string, cwd: string, resource?: string): Promise<Context> {
  const project = await openProject(dir, cwd, resource);
  const family = familyFor(project.runtime);
  return { project, family, language: await family.edit() };
}

/** A hook's default entry beside the project's handler: the family's card says where (as for new projects). */
function defaultEntry({ project, family }: Context, kind: HookKind): string {
  return family.card.placeHook(project.handler, family.card.defaults[kind]);
}

/**
 * Checks hook entries together with the project's handler, with the runtime's own entry rules: its
 * family's, the generator's (the same for new and existing projects).
 */
function checkEntries({ project, family, language }: Context, given: Partial<Record<HookKind, string>>): void {
  const { handler, entries } = withoutDirectory(family.card, project.handler || family.card.defaults.handler, given);
  try {
    language.parseEntries({ handler }, project.runtime);
  } catch (error) {
    if (error instanceof InputError) fail('s.yaml', `handler ${project.handler}: ${error.rule}`);
    throw error;
  }
  language.parseEntries({ handler, ...entries }, project.runtime);
}

export async function inspectProject(dir: string, cwd: string, resource?: string): Promise<ProjectInfo> {
  const context = await open(dir, cwd, resource);
  const { project } = context;
  checkEntries(context, {});
  return {
    root: project.root,
    resource: project.resource,
    runtime: project.runtime,
    handler: project.handler,
    hooks: { initializer: await hookState(project.sYamlText, project.resource, 'initializer'), preStop: await hookState(project.sYamlText, project.resource, 'preStop') },
    defaults: { initializer: defaultEntry(context, 'initializer'), preStop: defaultEntry(context, 'preStop') },
    checkEntry(kind, entry) {
      try {
        checkEntries(context, { [kind]: entry });
        return undefined;
      } catch (error) {
        if (error instanceof InputError) return error.rule;
        throw error;
      }
    },
  };
}

const TIMEOUT_FIELDS = { initializer: 'initializer-timeout', preStop: 'pre-stop-timeout' } as const;
const TIMEOUT_ANSWERS = { initializer: 'initializerTimeout', preStop: 'preStopTimeout' } as const;

function line(state: HookState): string {
  return state.line === undefined ? '' : `, s.yaml line ${state.line}`;
}

/** Plans adding hooks: s.yaml's instanceLifecycleConfig and the hook code, each only where missing. */
export async function planAddHooks(given: AddHooksRequest, cwd: string): Promise<HookPlan> {
  if (given.initializerCommand !== undefined && given.initializer !== undefined) {
    fail('initializer-command', `cannot be combined with --initializer ${given.initializer}: FC runs a hook's handler or its command, never both`);
  }
  // A command is an initializer too; which form it gets is decided per hook below.
  const request = given.initializerCommand === undefined ? given : { ...given, initializer: true as const };
  const kinds = HOOK_KINDS.filter((kind) => request[kind] !== undefined);
  for (const kind of HOOK_KINDS) {
    if (request[kind] === undefined && request[TIMEOUT_ANSWERS[kind]] !== undefined) {
      fail(TIMEOUT_FIELDS[kind], `is set but --${HOOK_FLAGS[kind]} is not`);
    }
  }
  if (kinds.length === 0) fail('initializer', 'name a hook to add: --initializer <entry> and/or --pre-stop <entry>');
  const timeouts = Object.fromEntries(
    kinds.map((kind) => {
      const given = request[TIMEOUT_ANSWERS[kind]];
      return [kind, given === undefined ? undefined : checkWholeNumber(TIMEOUT_FIELDS[kind], given)];
    }),
  ) as Partial<Record<HookKind, number>>;
  const context = await open(request.dir, cwd, request.resource);
  const { project, family, language } = context;
  // `true`: the hook s.yaml has when it is on, else the default entry.
  const entries: Partial<Record<HookKind, string>> = {};
  for (const kind of kinds) {
    const given = request[kind]!;
    if (given !== true) {
      entries[kind] = given;
      continue;
    }
    const state = await hookState(project.sYamlText, project.resource, kind);
    entries[kind] = state.status === 'on' && state.handler ? state.handler : defaultEntry(context, kind);
  }
  checkEntries(context, entries);

  const plan: HookPlan = { root: project.root, resource: project.resource, runtime: project.runtime, changes: [], notes: [], warnings: [...project.leftovers] };
  const will = request.dryRun
    ? { add: 'would add', switchOn: 'would switch back on', set: 'would be set', added: 'would be added', removed: 'would be removed' }
    : { add: 'added', switchOn: 'switched back on', set: 'set', added: 'added', removed: 'is removed' };
  let sYaml = project.sYamlText;
  let code: CodeFile | undefined;
  let codeBefore = '';
  const routeEdits = new Map<string, { before: string; after: string }>();
  for (const kind of kinds) {
    const entry = entries[kind]!;
    const label = HOOK_LABELS[kind];
    const flag = HOOK_FLAGS[kind];
    const state = await hookState(sYaml, project.resource, kind);
    checkKeptValues(state, kind, timeouts[kind], line(state));
    const command = kind === 'initializer' ? await initializerCommandToAdd(request.initializerCommand, state, sYaml, project) : undefined;
    if (command) {
      const added = await addCommandInitializer(sYaml, project.resource, command, timeouts.initializer);
      sYaml = added.sYaml;
      plan.notes.push(added.note);
      for (const missing of missingImageFiles(command, project.root)) {
        plan.warnings.push(`Initializer: the command runs ${missing}, and code/ (the image's /code) has no such file: add it before deploying, or FC fails the initializer`);
      }
      continue;
    }
    if (state.status === 'on') {
      if (state.command?.length) {
        fail(flag, `s.yaml already runs the initializer as a command (${state.command.join(' ')}${line(state)}); switch it off first with \`create-fc-lifecycle remove --initializer\``);
      }
      if (state.handler !== entry && !language.handlerIsLabel) {
        fail(flag, `s.yaml already has the ${label} hook ${state.handler}${line(state)}; pass --${flag} ${state.handler}, or switch it off first with \`create-fc-lifecycle remove --${flag}\``);
      }
      // A hook s.yaml has without a timeout gets one too: fc3 would otherwise send whatever is deployed, or 3 s.
      const timeout = timeouts[kind] ?? (typeof state.timeout === 'number' ? undefined : DEFAULTS.hookTimeout);
      if (timeout !== undefined && state.timeout !== timeout) {
        sYaml = await switchOnHook(sYaml, project.resource, kind, { handler: state.handler!, timeout });
        plan.notes.push(`${label}: s.yaml already has ${state.handler}${line(state)}; timeout ${will.set} to ${timeout}`);
      } else {
        plan.notes.push(`${label}: s.yaml already has ${state.handler}${line(state)}`);
      }
    } else {
      const timeout = timeouts[kind] ?? (typeof state.timeout === 'number' ? undefined : DEFAULTS.hookTimeout);
      sYaml = await switchOnHook(sYaml, project.resource, kind, { handler: entry, ...(timeout !== undefined && { timeout }) });
      const after = await hookState(sYaml, project.resource, kind);
      plan.notes.push(`${label}: s.yaml ${state.status === 'off' ? will.switchOn : will.add}: handler ${entry}, timeout ${after.timeout}${line(after)}`);
    }
    // The code is named after the hook s.yaml has, unless FC ignores that string (Go, custom runtimes).
    const codeEntry = state.status === 'on' && !language.handlerIsLabel ? state.handler! : entry;
    if (language.code) {
      if (!code) {
        code = await language.code.locate(project);
        codeBefore = code.text;
      }
      const shown = relative(project.root, code.path);
      const found = language.code.find(code, kind, codeEntry, project);
      if (found !== undefined) {
        const unmarked = language.code.switchOn(code, kind, codeEntry, project);
        const note = unmarked === code.text ? 'code not changed' : `only its switched-off comment ${will.removed}`;
        code.text = unmarked;
        plan.notes.push(`${label}: ${shown}:${language.code.find(code, kind, codeEntry, project)} already has it; ${note}`);
      } else {
        // The hook functions added to code are rendered from templates/<family>/hooks, loaded only then
        // (adding a hook whose function the code has, switched off, loads none).
        await loadTemplates(`${family.id}/hooks`);
        code.text = language.code.add(code, kind, codeEntry, project);
        const added = language.code.find(code, kind, codeEntry, project);
        if (added === undefined) fail(flag, `${shown}: the ${label} hook added to it is not found again by the code reader (unusual code); add it by hand`);
        plan.notes.push(`${label}: ${shown}:${added} ${will.added}`);
      }
    }
    if (language.http) {
      const route = language.http.route(kind);
      const added = await language.http.addRoute?.(project, kind, routeEdits);
      const served = added ? undefined : await language.http.findRoute(project, kind);
      if (added) {
        plan.notes.push(`${label}: ${relative(project.root, added.path)}:${added.line} route ${route.method} ${route.path} added`);
      } else if (served) {
        plan.notes.push(`${label}: FC calls ${route.method} ${route.path}; ${relative(project.root, served.path)}:${served.line} mentions that route`);
      } else {
        plan.warnings.push(`${label}: FC will call ${route.method} ${route.path} on your server, and no code in ${relative(project.root, project.codeDir ?? project.root) || '.'} mentions ${route.path}: add a route that answers it with 2xx before deploying (a non-2xx answer fails the hook)`);
      }
    }
  }
  if (sYaml !== project.sYamlText) plan.changes.push({ path: project.sYamlPath, before: project.sYamlText, after: sYaml });
  if (code && code.text !== codeBefore) plan.changes.push({ path: code.path, before: codeBefore, after: code.text });
  for (const [path, edit] of routeEdits) plan.changes.push({ path, ...edit });
  return plan;
}

/**
 * Plans switching hooks off: s.yaml gets the empty form FC documents (handler "", and command [] for
 * the initializer) with a comment; the code keeps its function, with a comment that it is off.
 */
export async function planRemoveHooks(request: RemoveHooksRequest, cwd: string): Promise<HookPlan> {
  const kinds = HOOK_KINDS.filter((kind) => request[kind]);
  if (kinds.length === 0) fail('initializer', 'name a hook to switch off: --initializer and/or --pre-stop');
  const context = await open(request.dir, cwd, request.resource);
  const { project, language } = context;
  const plan: HookPlan = { root: project.root, resource: project.resource, runtime: project.runtime, changes: [], notes: [], warnings: [...project.leftovers] };
  let sYaml = project.sYamlText;
  let code: CodeFile | undefined;
  let codeBefore = '';
  for (const kind of kinds) {
    const label = HOOK_LABELS[kind];
    const state = await hookState(sYaml, project.resource, kind);
    if (state.status === 'off') {
      plan.notes.push(`${label}: already switched off in s.yaml${line(state)}`);
    } else {
      sYaml = await switchOffHook(sYaml, project.resource, kind);
      const after = await hookState(sYaml, project.resource, kind);
      plan.notes.push(
        state.status === 'on'
          ? `${label}: s.yaml switched off (was ${state.handler || state.command?.join(' ')}): handler ""${kind === 'initializer' ? ', command []' : ''}${line(after)}` +
            (state.command?.length ? '; its comment keeps the command, which `add --initializer` restores' : '')
          : `${label}: s.yaml had none; wrote the switched-off form anyway${line(after)}, which also turns off one deployed earlier`,
      );
    }
    if (language.code) {
      if (!code) {
        code = await language.code.locate(project);
        codeBefore = code.text;
      }
      const entry = state.handler || defaultEntry(context, kind);
      const at = language.code.find(code, kind, entry, project);
      const marked = language.code.switchOff(code, kind, entry, project);
      if (at !== undefined && marked !== code.text) {
        code.text = marked;
        plan.notes.push(`${label}: ${relative(project.root, code.path)}:${language.code.find(code, kind, entry, project)} kept, with a comment that it is switched off`);
      }
    }
    if (language.http) {
      const route = language.http.route(kind);
      plan.notes.push(`${label}: FC stops calling ${route.method} ${route.path}; your server's route is left as it is`);
    }
  }
  if (sYaml !== project.sYamlText) plan.changes.push({ path: project.sYamlPath, before: project.sYamlText, after: sYaml });
  if (code && code.text !== codeBefore) plan.changes.push({ path: code.path, before: codeBefore, after: code.text });
  return plan;
}

/** The plan's changes as unified diffs, paths relative to the project. */
export function hookPlanDiff(plan: HookPlan): string {
  return plan.changes.map((change) => unifiedDiff(relative(plan.root, change.path), change.before, change.after)).join('');
}

/**
 * Writes the plan's files all-or-nothing, under the project's lock (src/file-transaction.ts): every file
 * must still hold the bytes it was planned from, or nothing is written; a failure, a signal or a kill
 * part-way leaves (or, at the next run, puts back) every file as it was.
 */
export async function applyHookPlan(plan: HookPlan): Promise<string[]> {
  const writes = plan.changes.map((change) => ({
    path: relative(plan.root, change.path).split(sep).join('/'),
    contents: change.after,
    expected: Buffer.from(change.before),
  }));
  await commitFiles(plan.root, writes, { field: 'dir', replace: false });
  return plan.changes.map((change) => relative(plan.root, change.path));
}

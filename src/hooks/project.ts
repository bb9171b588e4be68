// Reads an existing FC project: its s.yaml, the fc3 resource to work on, and where its code is.
import { relative, resolve } from 'node:path';
import fs from 'node:fs/promises';
import { fail } from '../errors.ts';
import { recoverInterrupted } from '../file-transaction.ts';
import { cleanOlderLeftovers } from '../leftovers.ts';
import { fileErrorRule, isInside, MAX_S_YAML_BYTES, MAX_SOURCE_BYTES, readProjectText } from '../safe-fs.ts';
import { chooseResource, editableProps, fc3Resources, parseSYaml } from './s-yaml-edit.ts';
import type { CodeFile, HookProject } from './types.ts';
import { yamlData } from '../yaml-data.ts';

/** Serverless Devs reads s.yaml, then s.yml. */
const S_YAML_NAMES = ['s.yaml', 's.yml'];

/** `${vars.name}` in a prop, resolved from the top-level vars (the only interpolation needed here). */
function resolveVars(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  const match = /^\$\{vars\.([\w-]+)\}$/.exec(value);
  return match && typeof vars[match[1]!] === 'string' ? vars[match[1]!] : value;
}

export interface LoadedProject extends HookProject {
  /** s.yaml's text as read. */
  sYamlText: string;
  /** One line for each backup an older version's killed run left (kept; see src/leftovers.ts). */
  leftovers: string[];
}

/**
 * The s.yaml of the project in `dir` (resolved against `cwd`); throws InputError when there is none.
 * Paths are real (links resolved): everything read for an edit is confined to the real root, and an
 * s.yaml that is a link is edited where it points (inside the project). A transaction a killed run left
 * in the project is rolled back first (src/file-transaction.ts), and what killed runs of older versions
 * left is cleaned up or, for a backup, reported in `leftovers` (src/leftovers.ts).
 */
export async function readSYaml(dir: string, cwd: string): Promise<{ root: string; sYamlPath: string; sYamlText: string; leftovers: string[] }> {
  const given = resolve(cwd, dir);
  const stat = await fs.stat(given).catch(() => undefined);
  if (!stat?.isDirectory()) fail('dir', `${given} is not a directory`);
  const root = await fs.realpath(given).catch((error: NodeJS.ErrnoException) => fail('dir', fileErrorRule(error)));
  await recoverInterrupted(root, 'dir');
  const leftovers = cleanOlderLeftovers(root);
  let sYamlPath: string | undefined;
  for (const name of S_YAML_NAMES) {
    if (await fs.lstat(resolve(root, name)).then(() => true, () => false)) {
      sYamlPath = resolve(root, name);
      break;
    }
  }
  if (!sYamlPath) fail('dir', `${root} has no s.yaml (run this in a Serverless Devs project, or pass its directory)`);
  const read = await readProjectText(root, sYamlPath, { field: 's.yaml', limit: MAX_S_YAML_BYTES });
  return { root, sYamlPath: read.path, sYamlText: read.text, leftovers };
}

/** Keys of the fc3 resources in the project's s.yaml, for a choice when there are several. */
export async function listResources(dir: string, cwd: string): Promise<string[]> {
  return fc3Resources(parseSYaml((await readSYaml(dir, cwd)).sYamlText));
}

/** Reads the project in `dir` (resolved against `cwd`) for one fc3 resource; throws InputError when it is not one. */
export async function loadProject(dir: string, cwd: string, resource?: string): Promise<LoadedProject> {
  const { root, sYamlPath, sYamlText, leftovers } = await readSYaml(dir, cwd);
  const doc = parseSYaml(sYamlText);
  const key = chooseResource(doc, resource);
  // Refuses anchors, aliases and merge keys first: they also hide props (a merged runtime reads as missing).
  editableProps(doc, sYamlText, key);
  const data = yamlData(doc) as Record<string, any>;
  const vars = (data.vars ?? {}) as Record<string, unknown>;
  const props = (data.resources[key].props ?? {}) as Record<string, unknown>;
  const runtime = resolveVars(props.runtime, vars);
  if (typeof runtime !== 'string' || runtime === '') fail('s.yaml', `resources.${key}.props.runtime is missing`);
  if (runtime.includes('${')) fail('s.yaml', `resources.${key}.props.runtime is "${runtime}"; write the runtime id itself to add or remove hooks`);
  const handler = resolveVars(props.handler ?? '', vars);
  if (typeof handler !== 'string') fail('s.yaml', `resources.${key}.props.handler must be a string`);
  const code = resolveVars(typeof props.code === 'object' && props.code !== null ? (props.code as { src?: unknown }).src : props.code, vars);
  let codeDir: string | undefined;
  if (typeof code === 'string' && !code.includes('${')) {
    const real = await fs.realpath(resolve(root, code)).catch(() => undefined);
    if (real !== undefined && !isInside(root, real)) {
      fail('s.yaml', `resources.${key}.props.code is "${code}", which leads outside the project (to ${real}); code must name a directory of this project`);
    }
    if (real !== undefined && (await fs.stat(real)).isDirectory()) codeDir = real;
  }
  return {
    root,
    sYamlPath,
    sYamlText,
    leftovers,
    resource: key,
    runtime,
    handler,
    ...(codeDir !== undefined && { codeDir }),
  };
}

/** Reads the code file an edit goes to: inside the project (links resolved), regular, bounded, exact UTF-8. */
export async function readCodeFile(project: HookProject, path: string): Promise<CodeFile> {
  const { path: real, text } = await readProjectText(project.root, path, { field: 'handler', limit: MAX_SOURCE_BYTES });
  return { path: real, text };
}

/** A file searched for code; `exact` says whether its text could be edited (see editableCode). */
export type ScannedFile = CodeFile & { exact: boolean };

export async function scanCodeFile(project: HookProject, path: string): Promise<ScannedFile> {
  return readProjectText(project.root, path, { field: 'handler', limit: MAX_SOURCE_BYTES, lenient: true });
}

/** The file searched for code, when it can be edited and written back byte for byte; InputError otherwise. */
export function editableCode(project: HookProject, file: ScannedFile): CodeFile {
  if (!file.exact) fail('handler', `${relative(project.root, file.path)} is not UTF-8 text (or has NUL bytes); create-fc-lifecycle edits UTF-8 files only and wrote nothing`);
  return { path: file.path, text: file.text };
}

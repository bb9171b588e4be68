// Reads an existing FC project: its s.yaml, the fc3 resource to work on, and where its code is.
import { resolve } from 'node:path';
import fs from 'node:fs/promises';
import { pathExists } from '../project-files.ts';
import { fail } from '../errors.ts';
import { chooseResource, editableProps, fc3Resources, parseSYaml } from './s-yaml-edit.ts';
import type { HookProject } from './types.ts';
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
}

/** The s.yaml of the project in `dir` (resolved against `cwd`); throws InputError when there is none. */
export async function readSYaml(dir: string, cwd: string): Promise<{ root: string; sYamlPath: string; sYamlText: string }> {
  const root = resolve(cwd, dir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) fail('dir', `${root} is not a directory`);
  let sYamlPath: string | undefined;
  for (const name of S_YAML_NAMES) {
    if (await pathExists(resolve(root, name))) {
      sYamlPath = resolve(root, name);
      break;
    }
  }
  if (!sYamlPath) fail('dir', `${root} has no s.yaml (run this in a Serverless Devs project, or pass its directory)`);
  return { root, sYamlPath, sYamlText: await fs.readFile(sYamlPath, 'utf8') };
}

/** Keys of the fc3 resources in the project's s.yaml, for a choice when there are several. */
export async function listResources(dir: string, cwd: string): Promise<string[]> {
  return fc3Resources(parseSYaml((await readSYaml(dir, cwd)).sYamlText));
}

/** Reads the project in `dir` (resolved against `cwd`) for one fc3 resource; throws InputError when it is not one. */
export async function loadProject(dir: string, cwd: string, resource?: string): Promise<LoadedProject> {
  const { root, sYamlPath, sYamlText } = await readSYaml(dir, cwd);
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
    const path = resolve(root, code);
    if ((await fs.stat(path).catch(() => undefined))?.isDirectory()) codeDir = path;
  }
  return {
    root,
    sYamlPath,
    sYamlText,
    resource: key,
    runtime,
    handler,
    ...(codeDir !== undefined && { codeDir }),
  };
}

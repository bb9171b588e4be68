// Opens an existing FC project for add/remove (and the plop hook/unhook generators): its s.yaml, the fc3
// resource to edit, and where its code is, read by the same model as the doctor's (resources.ts).
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../errors.ts';
import { recoverInterrupted } from '../file-transaction.ts';
import { cleanOlderLeftovers } from '../leftovers.ts';
import { fileErrorRule, isInside, MAX_S_YAML_BYTES, readProjectText, tryOr } from '../safe-fs.ts';
import { refuseAliasBombs } from '../yaml-data.ts';
import { chooseResource, editableProps, fc3Resources } from './editable.ts';
import { S_YAML_NAMES } from './load.ts';
import { parseSYaml, readerOf } from './parse.ts';
import { codePath } from './resources.ts';
import type { HookProject } from './types.ts';

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
  // Synchronous calls where nothing else could run meanwhile: each fs/promises call is a round trip
  // through the thread pool, which a short run waits out one after another.
  if (!tryOr(() => statSync(given), undefined)?.isDirectory()) fail('dir', `${given} is not a directory`);
  let root: string;
  try {
    root = realpathSync(given);
  } catch (error) {
    fail('dir', fileErrorRule(error as NodeJS.ErrnoException));
  }
  await recoverInterrupted(root, 'dir');
  const leftovers = cleanOlderLeftovers(root);
  const sYamlPath = S_YAML_NAMES.map((name) => resolve(root, name)).find((path) => tryOr(() => lstatSync(path), undefined) !== undefined);
  if (!sYamlPath) fail('dir', `${root} has no s.yaml (run this in a Serverless Devs project, or pass its directory)`);
  const read = await readProjectText(root, sYamlPath, { field: 's.yaml', limit: MAX_S_YAML_BYTES });
  return { root, sYamlPath: read.path, sYamlText: read.text, leftovers };
}

/** Keys of the fc3 resources in the project's s.yaml, for a choice when there are several. */
export async function listResources(dir: string, cwd: string): Promise<string[]> {
  return fc3Resources(await parseSYaml((await readSYaml(dir, cwd)).sYamlText));
}

/** Opens the project in `dir` (resolved against `cwd`) to edit one fc3 resource; throws InputError when it cannot be. */
export async function openProject(dir: string, cwd: string, resource?: string): Promise<LoadedProject> {
  const { root, sYamlPath, sYamlText, leftovers } = await readSYaml(dir, cwd);
  const doc = await parseSYaml(sYamlText);
  const key = chooseResource(doc, resource);
  // Refuses anchors, aliases and merge keys first: they also hide props (a merged runtime reads as missing).
  const props = editableProps(doc, sYamlText, key);
  refuseAliasBombs(doc);
  const reader = readerOf(doc);
  // A `${…}` that does not resolve to a string here is kept as written, for the messages below.
  const prop = (name: string) => {
    const written = reader.data(reader.get(props, name)?.value);
    const resolved = reader.plainValue(props, name);
    return typeof written === 'string' && written.includes('${') && typeof resolved !== 'string' ? written : resolved;
  };
  const runtime = prop('runtime');
  if (typeof runtime !== 'string' || runtime === '') fail('s.yaml', `resources.${key}.props.runtime is missing`);
  if (runtime.includes('${')) fail('s.yaml', `resources.${key}.props.runtime is "${runtime}"; write the runtime id itself to add or remove hooks`);
  const handler = prop('handler') ?? '';
  if (typeof handler !== 'string') fail('s.yaml', `resources.${key}.props.handler must be a string`);
  const code = codePath(reader, props);
  let codeDir: string | undefined;
  if (typeof code === 'string') {
    const real = tryOr<string | undefined>(() => realpathSync(resolve(root, code)), undefined);
    if (real !== undefined && !isInside(root, real)) {
      fail('s.yaml', `resources.${key}.props.code is "${code}", which leads outside the project (to ${real}); code must name a directory of this project`);
    }
    if (real !== undefined && statSync(real).isDirectory()) codeDir = real;
  }
  return { root, sYamlPath, sYamlText, leftovers, resource: key, runtime, handler, ...(codeDir !== undefined && { codeDir }) };
}

// Reads a project's s.yaml into its fc3 resources, keeping the line of every value, for the doctor and
// `run` (which only read). The hook editor opens a project for editing through open.ts, on the same model.
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap } from 'yaml';
import { fail } from '../errors.ts';
import { compileWithoutInlining, LARGE_S_YAML } from '../heap.ts';
import { MAX_S_YAML_BYTES, readRegularFileSync } from '../safe-fs.ts';
import { refuseAliasBombs } from '../yaml-data.ts';
import { parseSYaml, readerOf } from './parse.ts';
import { fc3Entries, isServerlessDevs2, readResource } from './resources.ts';
import type { Project, Resource } from './types.ts';

/** Serverless Devs reads s.yaml, then s.yml. */
export const S_YAML_NAMES = ['s.yaml', 's.yml'];

/**
 * Finds s.yaml (or s.yml) in `dir` and reads its fc3 resources. Bad input throws InputError, naming
 * the directory as the user gave it (`label`) and the command that read it (`command`, in the hint).
 */
export function loadProject(dir: string, label = dir, command = 'the doctor'): Project {
  if (!existsSync(dir)) fail('dir', `"${label}" does not exist`);
  if (!statSync(dir).isDirectory()) fail('dir', `"${label}" is not a directory`);
  const sYaml = S_YAML_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!sYaml) fail('dir', `no s.yaml or s.yml in "${label}" (run ${command} in a Serverless Devs project)`);
  const text = readRegularFileSync(sYaml, { field: 's.yaml', shown: `${label}/${basename(sYaml)}`, limit: MAX_S_YAML_BYTES }).toString('utf8');
  if (text.length > LARGE_S_YAML) compileWithoutInlining();
  const doc = parseSYaml(text, 'read');
  const top = doc.contents;
  if (!isMap(top)) fail('s.yaml', 'is not a YAML mapping with `resources:`');
  refuseAliasBombs(doc);
  const reader = readerOf(doc);
  if (!reader.map(top, 'resources')) {
    if (isServerlessDevs2(reader, top)) fail('s.yaml', 'is in the Serverless Devs 2.x format (services:, component fc); convert it with `s cli fc3 s2tos3` first');
    fail('s.yaml', 'has no `resources:` mapping');
  }
  const resources: Resource[] = fc3Entries(reader, top).flatMap(({ key, keyNode, props }) => (props ? [readResource(reader, dir, key, keyNode, props)] : []));
  if (resources.length === 0) fail('s.yaml', 'has no fc3 resource (a resource with `component: fc3` and `props:`)');
  return { root: dir, sYaml, resources };
}

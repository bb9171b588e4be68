// `run` is shared by every family: what differs per family (where the instance runs, how it starts) is
// in the family's runner (src/runtimes/<family>/run.ts), so src/run/ names no family or runtime id.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadProject } from '../src/project/load.ts';
import type { InputError } from '../src/errors.ts';
import { buildTarget, chooseResource } from '../src/run/target.ts';
import { FAMILIES, familyOf } from '../src/runtimes/index.ts';
import { writeFixture } from './helpers/run-cli.ts';

const RUN = join(import.meta.dirname, '..', 'src', 'run');

test('no file of src/run/ names a runtime family or a runtime id by its string', () => {
  const ids = FAMILIES.flatMap((family) => [family.id, ...family.card.ids]);
  const named = readdirSync(RUN).flatMap((name) => {
    const text = readFileSync(join(RUN, name), 'utf8');
    return ids.filter((id) => new RegExp(`['"\`]${id.replace(/\./g, '\\.')}['"\`]`).test(text)).map((id) => `${name}: ${id}`);
  });
  expect(named).toEqual([]);
});

/** Where `run` starts the instance of a one-function project on `runtime` whose s.yaml's code is `code`. */
async function runDir(runtime: string, code: string, files: Record<string, string>): Promise<{ root: string; dir: string }> {
  const root = writeFixture({ runtime }, files);
  const sYaml = join(root, 's.yaml');
  writeFileSync(sYaml, readFileSync(sYaml, 'utf8').replace('code: ./code', `code: ${code}`));
  const project = await loadProject(root);
  const resource = chooseResource(project, undefined);
  return { root: project.root, dir: buildTarget(project, resource, undefined, await familyOf(runtime)!.runner()).resource.code };
}

test.each([
  ['nodejs20', './code', { 'index.js': '' }, 'code'],
  ['go1', './code/target', { 'go.mod': 'module fixture\n' }, 'code'],
  ['java11', './target/fixture-fn-1.0.0-jar-with-dependencies.jar', {}, '.'],
  ['dotnetcore3.1', './target', {}, '.'],
  ['custom-container', './code', { Dockerfile: 'FROM python:3.10\n' }, 'code'],
])('%s with code %s runs in the folder its family says', async (runtime, code, files, expected) => {
  const { root, dir } = await runDir(runtime, code, files);
  expect(dir).toBe(join(root, expected));
});

test.each([
  ['nodejs20', './code/missing', 'error: s.yaml: resources.fixture_fn.props.code: ', ' does not exist'],
  ['custom-container', './code', 'error: s.yaml: resources.fixture_fn is a custom-container with no code/Dockerfile or Dockerfile to start its server from', ''],
])('%s with code %s and nothing to run: one line', async (runtime, code, start, end) => {
  const failure = await runDir(runtime, code, { 'index.js': '' }).catch((error: InputError) => `error: ${error.field}: ${error.rule}`);
  expect(failure).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*${end}$`));
});

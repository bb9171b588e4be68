// The one reader of an existing project (src/project/): the doctor's model and the project add/remove
// open read s.yaml the same way, `${vars.*}` included.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { loadProject } from '../src/project/load.ts';
import { openProject } from '../src/project/open.ts';

function project(props: string, vars = 'region: cn-hangzhou\n  rt: python3.10\n  h: index.handler\n  n: 20'): string {
  const dir = mkdtempSync(join(tmpdir(), 'fc-reader-'));
  mkdirSync(join(dir, 'code'));
  writeFileSync(join(dir, 's.yaml'), `edition: 3.0.0\nvars:\n  ${vars}\nresources:\n  f:\n    component: fc3\n    props:\n${props}`);
  return dir;
}

async function openError(dir: string): Promise<string> {
  try {
    await openProject(dir, dir);
  } catch (error) {
    if (error instanceof InputError) return `${error.field}: ${error.rule}`;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('one reader for the doctor and add/remove', () => {
  test('runtime, handler and code through ${vars.*} read the same in both', async () => {
    const dir = project('      runtime: ${ vars.rt }\n      handler: ${vars.h}\n      code: ./${vars.dir}\n', 'rt: python3.10\n  h: index.handler\n  dir: code');
    const [resource] = (await loadProject(dir)).resources;
    const opened = await openProject(dir, dir);
    expect(resource).toMatchObject({ runtime: 'python3.10', handler: 'index.handler', code: join(dir, 'code') });
    expect(opened).toMatchObject({ runtime: resource!.runtime, handler: resource!.handler, codeDir: opened.root + '/code' });
  });

  test('a runtime that is not a string after ${vars.*} is named as written', async () => {
    expect(await openError(project('      runtime: ${vars.n}\n'))).toBe('s.yaml: resources.f.props.runtime is "${vars.n}"; write the runtime id itself to add or remove hooks');
    expect(await openError(project('      runtime: ${vars.nope}\n'))).toBe('s.yaml: resources.f.props.runtime is "${vars.nope}"; write the runtime id itself to add or remove hooks');
  });
});

// Python projects are generated to disk and run with python3: the generated unittest suite, and a
// check that each s.yaml entry names a function with the parameters FC passes.
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { python } from '../../../src/runtimes/python/generate.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries } from '../../helpers/generate.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasPython = useToolchain('python3', ['--version'], 'apt-get install -y python3');

const SIGNATURES = `
import importlib, inspect, json, sys
sys.path.insert(0, 'code')
out = {}
for key, entry in json.loads(sys.argv[1]).items():
    module, name = entry.rsplit('.', 1)
    fn = getattr(importlib.import_module(module), name, None)
    out[key] = list(inspect.signature(fn).parameters) if callable(fn) else None
print(json.dumps(out))
`;

describe.runIf(hasPython).each(python.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: the generated unittest suite passes', async ({ answers }) => {
    const { root } = await generateProject({ runtime, ...answers });
    const result = run('python3', ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(result.stderr).toMatch(/^OK$/m);
  });

  test.each(HOOK_COMBINATIONS)('$name: every s.yaml entry resolves to a function with the FC signature', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const entries = Object.fromEntries(Object.entries(sYamlEntries(plan)).filter(([, v]) => v !== undefined));
    const result = run('python3', ['-c', SIGNATURES, JSON.stringify(entries)], { cwd: root });
    expect(result.status, result.output).toBe(0);
    const expected: Record<string, string[]> = { handler: ['event', 'context'] };
    if ((answers as Record<string, unknown>).initializer !== false) expected.initializer = ['context'];
    if ((answers as Record<string, unknown>).preStop !== false) expected.preStop = ['context'];
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });
});

test.runIf(hasPython)('custom entry names in another file: code and s.yaml agree, and the test passes', async () => {
  const { root, plan } = await generateProject({ runtime: 'python3.12', handler: 'main.handle', initializer: 'main.my_initializer', preStop: 'main.pre_stop' });
  expect(sYamlEntries(plan)).toEqual({ handler: 'main.handle', initializer: 'main.my_initializer', preStop: 'main.pre_stop' });
  const result = run('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], { cwd: root });
  expect(result.status, result.output).toBe(0);
});

test.runIf(hasPython)('a non-idempotent initializer makes the generated test fail', async () => {
  const { root } = await generateProject({ runtime: 'python3.10' });
  const entry = join(root, 'code', 'index.py');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('    if resource is not None:\n        return\n', ''));
  const result = run('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], { cwd: root });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/init-1/);
});

// Node.js projects are generated to disk and run with node: the generated `node --test` suite, and a
// check that each s.yaml entry string names an export with the signature FC calls.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { nodejs } from '../../../src/runtimes/nodejs/generate.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries } from '../../helpers/generate.ts';
import { run } from '../../helpers/toolchain.ts';

describe.each(nodejs.ids)('%s', (runtime) => {
  const esm = runtime === 'nodejs18' || runtime === 'nodejs20';

  test.each(HOOK_COMBINATIONS)('$name: the generated lifecycle test passes under node', async ({ answers }) => {
    const { root } = await generateProject({ runtime, ...answers });
    const result = run('npm', ['test', '--silent'], { cwd: root });
    expect(result.output).toMatch(/# fail 0/);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/# pass [1-9]/);
  });

  test.each(HOOK_COMBINATIONS)('$name: every s.yaml entry resolves to an export with the FC signature', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const entries = sYamlEntries(plan);
    const [file] = entries.handler!.split('.');
    const path = join(root, 'code', `${file}.${esm ? 'mjs' : 'js'}`);
    const mod = esm ? await import(pathToFileURL(path).href) : createRequire(import.meta.url)(path);
    // Callback style passes (event, context, callback) / (context, callback); async style drops the callback.
    const arity = { handler: esm ? 2 : 3, hook: esm ? 1 : 2 };
    expect(mod[entries.handler!.split('.')[1]!]).toBeTypeOf('function');
    expect(mod[entries.handler!.split('.')[1]!].length).toBe(arity.handler);
    for (const hook of ['initializer', 'preStop'] as const) {
      const entry = entries[hook];
      const expected = (answers as Record<string, unknown>)[hook] !== false;
      expect(entry !== undefined, `${hook} in s.yaml`).toBe(expected);
      if (!entry) continue;
      expect(entry.split('.')[0]).toBe(file);
      expect(mod[entry.split('.')[1]!], entry).toBeTypeOf('function');
      expect(mod[entry.split('.')[1]!].length, entry).toBe(arity.hook);
    }
  });
});

test('custom entry names: code and s.yaml agree, and the generated test passes', async () => {
  const { root, plan } = await generateProject({
    runtime: 'nodejs16',
    handler: 'app.main',
    initializer: 'app.warmUp',
    preStop: 'app.$drain',
  });
  expect(sYamlEntries(plan)).toEqual({ handler: 'app.main', initializer: 'app.warmUp', preStop: 'app.$drain' });
  expect(plan.files.map((f) => f.path)).toContain('code/app.js');
  const mod = createRequire(import.meta.url)(join(root, 'code', 'app.js'));
  expect(Object.keys(mod).sort()).toEqual(['$drain', 'main', 'warmUp']);
  const result = run('npm', ['test', '--silent'], { cwd: root });
  expect(result.status, result.output).toBe(0);
});

test('a broken hook makes the generated test fail (the test is not a rubber stamp)', async () => {
  const { root } = await generateProject({ runtime: 'nodejs20' });
  const { readFileSync, writeFileSync } = await import('node:fs');
  const entry = join(root, 'code', 'index.mjs');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('if (resource) return \'\';\n  resource = createResource(context);', 'resource = createResource(context);'));
  const result = run('npm', ['test', '--silent'], { cwd: root });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/init-1/);
});

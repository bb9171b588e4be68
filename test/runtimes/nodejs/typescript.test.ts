// --language typescript (issue 15): every TypeScript variant x runtime is generated, type-checked with
// the project's strict tsconfig, built with esbuild into the file s.yaml's `code` names, its lifecycle
// test run against the built output, and the built handler run FC-style with `create-fc-lifecycle run`.
// The tools come from this repository's node_modules (symlinked into the project): nothing is installed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ESBUILD_VERSION, TYPES_NODE_VERSION, TYPESCRIPT_VERSION } from '../../../src/runtimes/nodejs/typescript.ts';
import { generate } from '../../../src/index.ts';
import { HOOK_COMBINATIONS, planFor, planText, specErrorOf, tempDir } from '../../helpers/generate.ts';
import { fc3SchemaErrors } from '../../helpers/fc3-schema.ts';
import { freePort } from '../../helpers/fake-fc.ts';
import { expectGeneratedProjectRuns, runCommand } from '../../helpers/run-cli.ts';
import { npmTest, REPO_MODULES, typeScriptProject } from '../../helpers/typescript.ts';

describe.each(['nodejs18', 'nodejs20'])('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: tsc, build and the lifecycle test against code/index.mjs pass; run plays the built handler', async ({ answers }) => {
    const { root, plan } = await typeScriptProject({ runtime, ...answers });
    expect(plan.files.map((file) => file.path)).toEqual(expect.arrayContaining(['src/index.ts', 'src/fc-types.ts', 'tsconfig.json', 'package.json', 'test/lifecycle.test.mjs']));
    expect(plan.files.map((file) => file.path)).not.toContain('code/index.mjs');
    const result = npmTest(root);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/# fail 0/);
    expect(result.output).toMatch(/# pass [1-9]/);
    expect(readFileSync(join(root, 'code', 'index.mjs'), 'utf8')).toMatch(/^export \{/m);
    await expectGeneratedProjectRuns(root, answers);
  });
});

describe('custom.debian10 with --server node', () => {
  test.each(HOOK_COMBINATIONS)('$name: tsc, build and the lifecycle test against code/server.mjs pass; run starts the built server', async ({ answers }) => {
    const { root, plan } = await typeScriptProject({ runtime: 'custom.debian10', server: 'node', ...answers });
    expect(plan.files.map((file) => file.path)).toEqual(expect.arrayContaining(['src/server.ts', 'tsconfig.json', 'package.json', 'test/lifecycle.test.mjs']));
    expect(plan.files.find((file) => file.path === 's.yaml')!.contents).toMatch(/command:\n\s+- node\n\s+- server\.mjs\n/);
    const result = npmTest(root);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/# fail 0/);
    expect(result.output).toMatch(/# pass [1-9]/);
    const ran = await runCommand([root, '--port', String(await freePort()), '--json', '--invocations', '2'], root);
    expect(ran.status, ran.stdout + ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout).steps.map((step: { kind: string }) => step.kind)).toEqual([
      ...(!('initializer' in answers) ? ['initializer'] : []),
      'invoke', 'invoke',
      ...(!('preStop' in answers) ? ['preStop'] : []),
    ]);
  });
});

test('strict types are checked: a misspelt context field fails the project\'s npm test at tsc, before the build', async () => {
  const { root } = await typeScriptProject({ runtime: 'nodejs20' });
  const path = join(root, 'src', 'index.ts');
  writeFileSync(path, readFileSync(path, 'utf8').replace("' handled ' + context.requestId", "' handled ' + context.requestID"));
  const result = npmTest(root);
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/src\/index\.ts\(\d+,\d+\): error TS2551: Property 'requestID' does not exist on type 'FcContext'/);
  expect(existsSync(join(root, 'code'))).toBe(false);
});

test('s.yaml validates against the fc3 schema; the API takes `language`', async () => {
  const { plan } = await generate({ dir: 'api-ts', runtime: 'nodejs20', language: 'typescript' }, { cwd: tempDir(), dryRun: true });
  expect(plan.files.map((file) => file.path)).toContain('src/index.ts');
  for (const answers of [{ runtime: 'nodejs18' }, { runtime: 'custom.debian10', server: 'node' }]) {
    const { plan: typed } = await generate({ dir: 'x', language: 'typescript', ...answers }, { cwd: tempDir(), dryRun: true });
    expect(fc3SchemaErrors(typed.files.find((file) => file.path === 's.yaml')!.contents)).toEqual([]);
  }
  await expect(generate({ runtime: 'nodejs20', language: 5 as unknown as string }, { cwd: tempDir(), dryRun: true })).rejects.toThrow(/^language: must be a string/);
});

test('--language javascript is the default: the same plan, byte for byte, as no language at all', async () => {
  for (const answers of [{ runtime: 'nodejs20' }, { runtime: 'nodejs14' }, { runtime: 'custom.debian10', server: 'node' }]) {
    expect(planText(await planFor({ ...answers, language: 'javascript' }))).toBe(planText(await planFor(answers)));
  }
});

test('a handler file named fc-types is refused: src/fc-types.ts holds the FC types', async () => {
  await expect(planFor({ runtime: 'nodejs20', language: 'typescript', handler: 'fc-types.handler' })).rejects.toThrow(/^handler: src\/fc-types\.ts holds the FC types/);
});

test('the pins are the versions this repository builds and checks the projects with', () => {
  const installed = (name: string) => JSON.parse(readFileSync(join(REPO_MODULES, name, 'package.json'), 'utf8')).version;
  expect(ESBUILD_VERSION).toBe(installed('esbuild'));
  expect(TYPESCRIPT_VERSION).toBe(installed('typescript'));
  expect(TYPES_NODE_VERSION).toBe(installed('@types/node'));
});

describe('refused with one line where TypeScript is not offered', () => {
  test.each([
    [{ runtime: 'nodejs16', language: 'typescript' }, 'language', /ES module, which nodejs16 does not load/],
    [{ runtime: 'python3.10', language: 'typescript' }, 'language', /only applies to/],
    [{ runtime: 'nodejs20', language: 'rust' }, 'language', /unknown language "rust"; valid languages: javascript, typescript/],
    [{ runtime: 'nodejs20', language: 'typescript', recipe: 'mysql' }, 'recipe', /the mysql recipe is written in JavaScript only/],
    [{ runtime: 'custom.debian10', server: 'node', language: 'typescript', recipe: 'redis' }, 'recipe', /the redis recipe is written in JavaScript only/],
    [{ runtime: 'custom.debian10', language: 'typescript' }, 'language', /add --server node/],
    [{ runtime: 'custom', server: 'node', language: 'typescript' }, 'language', /Node\.js 10 of custom does not load/],
    [{ runtime: 'custom-container', language: 'typescript' }, 'language', /only applies to/],
  ])('%j', (answers, field, rule) => {
    const error = specErrorOf(answers);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(rule);
  });
});

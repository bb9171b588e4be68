// Go projects are generated to disk and built with Debian's Go against the fc-runtime-go-sdk stand-in
// (test/stubs/go: the SDK's packages and signatures; the Go proxy is out of reach here). The stand-in
// is wired with a `replace` directive in a temporary copy of code/ only, so the generated go.mod stays
// as users get it. Then: gofmt, go vet, the s.yaml pre-deploy actions (go mod tidy, go build), the
// generated `go test`, and the built binary run under the stand-in's emulation of FC, which dispatches
// the hooks s.yaml configures to the functions main registered, as the SDK does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../../src/errors.ts';
import { go } from '../../../src/runtimes/go/generate.ts';
import { resolveSpec } from '../../../src/runtimes/generators.ts';
import type { FilePlan } from '../../../src/plan.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries } from '../../helpers/generate.ts';
import { GO_ENV, goWorkCopy } from '../../helpers/stand-ins.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');

interface Action { run: string; path: string }

function sYamlResource(plan: FilePlan) {
  const doc = parse(plan.files.find((f) => f.path === 's.yaml')!.contents);
  return Object.values(doc.resources)[0] as { actions: { 'pre-deploy': Action[] }; props: Record<string, any> };
}

/** Runs s.yaml's pre-deploy actions (they run from ./code) in the work copy; returns the first failure. */
function preDeploy(plan: FilePlan, work: string) {
  for (const action of sYamlResource(plan).actions['pre-deploy']) {
    expect(action.path).toBe('./code');
    const result = run('sh', ['-c', action.run], { cwd: work, env: GO_ENV });
    if (result.status !== 0) return { ...result, action: action.run };
  }
  return undefined;
}

/** Runs the built binary the way FC would for one instance: the s.yaml hooks around two requests. */
function runInstance(plan: FilePlan, work: string) {
  const { initializer, preStop, handler } = sYamlEntries(plan);
  const calls = [...(initializer ? ['initializer'] : []), 'handler', 'handler', ...(preStop ? ['preStop'] : [])];
  const result = run(join(work, 'target', handler!), [], { cwd: work, env: { FC_RUNTIME_API: 'stand-in', FC_STANDIN_INVOKE: calls.join(',') } });
  const answers = result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  return { ...result, answers };
}

function checkAll(root: string, plan: FilePlan) {
  const work = goWorkCopy(root);
  const gofmt = run('gofmt', ['-l', '.'], { cwd: work });
  expect(gofmt.stdout, 'gofmt -l lists unformatted files').toBe('');
  const vet = run('go', ['vet', './...'], { cwd: work, env: GO_ENV });
  expect(vet.status, vet.output).toBe(0);
  const failed = preDeploy(plan, work);
  expect(failed, failed?.output).toBeUndefined();
  return work;
}

describe.runIf(hasGo).each(go.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: gofmt, go vet, the s.yaml build and the generated go test pass', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const work = checkAll(root, plan);
    const tested = run('go', ['test', '-v', './...'], { cwd: work, env: GO_ENV });
    expect(tested.status, tested.output).toBe(0);
    expect(tested.stdout).toMatch(/^--- PASS: TestOneInstance/m);
    expect(tested.stdout).not.toMatch(/FAIL/);
  });

  test.each(HOOK_COMBINATIONS)('$name: the built binary serves every hook s.yaml configures, around two requests', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const work = checkAll(root, plan);
    const instance = runInstance(plan, work);
    expect(instance.status, instance.output).toBe(0);
    const [first, second] = instance.answers;
    const hasInitializer = (answers as Record<string, unknown>).initializer !== false;
    expect(first.resource.createdBy).toBe(hasInitializer ? 'standin-1-initializer' : 'standin-1-handler');
    expect(second.resource.id).toBe(first.resource.id);
    expect([first.resource.uses, second.resource.uses]).toEqual([1, 2]);
    if ((answers as Record<string, unknown>).preStop !== false) {
      expect(instance.stdout).toMatch(/\[INFO\] main\.go:\d+: released resource-standin-1-\w+ after 2 request\(s\)/);
    }
  });

  test('go.mod pins the SDK with no replace; s.yaml builds the binary it names from code/', async () => {
    const { root, plan } = await generateProject({ runtime });
    const goMod = readFileSync(join(root, 'code', 'go.mod'), 'utf8');
    expect(goMod).toMatch(/^require github\.com\/aliyun\/fc-runtime-go-sdk v0\.3\.1$/m);
    expect(goMod).not.toMatch(/replace/);
    const resource = sYamlResource(plan);
    expect(resource.props).toMatchObject({ code: './code/target', handler: 'main' });
    expect(resource.actions['pre-deploy']).toEqual([
      { run: 'go mod tidy', path: './code' },
      { run: 'GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o target/main main.go', path: './code' },
    ]);
  });
});

describe.runIf(hasGo)('custom entries and broken code', () => {
  test('another binary name and "true" labels: the build and the instance follow s.yaml', async () => {
    const { root, plan } = await generateProject({ runtime: 'go1', handler: 'bootstrap', initializer: 'true', preStop: 'true' });
    expect(sYamlEntries(plan)).toEqual({ handler: 'bootstrap', initializer: 'true', preStop: 'true' });
    const work = checkAll(root, plan);
    const instance = runInstance(plan, work);
    expect(instance.status, instance.output).toBe(0);
    expect(instance.answers).toHaveLength(2);
  });

  test('a Register call moved after fc.Start builds, vets and tests clean, but the hook is missing when FC calls it', async () => {
    const { root, plan } = await generateProject({ runtime: 'go1' });
    const main = join(root, 'code', 'main.go');
    const code = readFileSync(main, 'utf8');
    const moved = code.replace('\tfc.RegisterPreStopFunction(preStop)\n', '').replace('\tfc.Start(handleRequest)\n', '\tfc.Start(handleRequest)\n\tfc.RegisterPreStopFunction(preStop)\n');
    expect(moved).not.toBe(code);
    writeFileSync(main, moved);
    const work = checkAll(root, plan);
    expect(run('go', ['test', './...'], { cwd: work, env: GO_ENV }).status).toBe(0);
    const instance = runInstance(plan, work);
    expect(instance.status).not.toBe(0);
    expect(instance.stdout).toMatch(/Error: no prestop handler registered/);
  });

  test('a hook that is on in s.yaml but never registered fails when FC calls it', async () => {
    const { root, plan } = await generateProject({ runtime: 'go1' });
    expect(sYamlEntries(plan).initializer).toBe('initialize');
    const main = join(root, 'code', 'main.go');
    writeFileSync(main, readFileSync(main, 'utf8').replace('\tfc.RegisterInitializerFunction(initialize)\n', ''));
    const work = checkAll(root, plan);
    const instance = runInstance(plan, work);
    expect(instance.status).not.toBe(0);
    expect(instance.stdout).toMatch(/Error: no initializer handler registered/);
  });

  test('a hook with a shape the SDK cannot call fails go vet (the generated test pins its type), and fails when FC calls it', async () => {
    const { root, plan } = await generateProject({ runtime: 'go1' });
    const main = join(root, 'code', 'main.go');
    const code = readFileSync(main, 'utf8');
    writeFileSync(main, code.replace('func preStop(ctx context.Context) {\n\tmu.Lock()\n\tdefer mu.Unlock()\n\tif resource == nil {\n\t\treturn\n\t}', 'func preStop(ctx context.Context) error {\n\tmu.Lock()\n\tdefer mu.Unlock()\n\tif resource == nil {\n\t\treturn nil\n\t}')
      .replace('\tresource = nil\n}', '\tresource = nil\n\treturn nil\n}'));
    const work = goWorkCopy(root);
    const vet = run('go', ['vet', './...'], { cwd: work, env: GO_ENV });
    expect(vet.status).not.toBe(0);
    expect(vet.output).toMatch(/cannot use preStop/);
    expect(preDeploy(plan, work)).toBeUndefined();
    const instance = runInstance(plan, work);
    expect(instance.status).not.toBe(0);
    expect(instance.stdout).toMatch(/lifecycle handler must be func\(context\.Context\) with no return values/);
  });

  test('a non-idempotent initializer makes the generated test fail', async () => {
    const { root, plan } = await generateProject({ runtime: 'go1' });
    const main = join(root, 'code', 'main.go');
    const code = readFileSync(main, 'utf8');
    const guard = '\tif resource != nil {\n\t\treturn\n\t}\n';
    expect(code).toContain(`func initialize(ctx context.Context) {\n\tmu.Lock()\n\tdefer mu.Unlock()\n${guard}`);
    writeFileSync(main, code.replace(guard, ''));
    const work = checkAll(root, plan);
    const tested = run('go', ['test', './...'], { cwd: work, env: GO_ENV });
    expect(tested.status).not.toBe(0);
    expect(tested.stdout).toMatch(/the handler uses what the initializer set up: created by "init-2"/);
  });
});

describe('entry validation', () => {
  const reject = (answers: Record<string, string | boolean>) => {
    try {
      resolveSpec({ runtime: 'go1', dir: 'my-fn', ...answers }, '/work');
    } catch (error) {
      if (error instanceof InputError) return `${error.field}: ${error.rule}`;
      throw error;
    }
    throw new Error('accepted');
  };

  test.each([
    [{ handler: 'bin/main' }, /^handler: "bin\/main" must be the name of the Go binary FC runs, e\.g\. main/],
    [{ handler: '' }, /^handler: "" must be the name of the Go binary/],
    [{ handler: '-main' }, /^handler: "-main" must be the name of the Go binary/],
    [{ initializer: '' }, /^initializer: "" must be a non-empty label of letters, digits, _ \. - .*e\.g\. initialize$/],
    [{ preStop: 'pre stop' }, /^pre-stop: "pre stop" must be a non-empty label/],
    [{ preStop: 'x'.repeat(129) }, /^pre-stop: "x+" must be a non-empty label/],
  ])('%o is refused', (answers, rule) => {
    expect(reject(answers)).toMatch(rule);
  });

  test('labels are free: the same label twice, or the docs\' "true"', () => {
    expect(() => resolveSpec({ runtime: 'go1', initializer: 'true', preStop: 'true' }, '/work')).not.toThrow();
    expect(() => resolveSpec({ runtime: 'go1', initializer: 'hook.v2', preStop: 'pre_stop-1' }, '/work')).not.toThrow();
  });
});

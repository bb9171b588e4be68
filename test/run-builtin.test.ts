// `create-fc-lifecycle run` on Node.js, Python and PHP: every generated project passes it, and broken
// hooks fail it the way FC fails them (spec §5). `run` did not exist before issue 13, so every test
// here failed on the old code (the command was unknown).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateProject, HOOK_COMBINATIONS } from './helpers/generate.ts';
import { expectGeneratedProjectRuns, markers, runCommand, writeFixture } from './helpers/run-cli.ts';
import { useToolchain } from './helpers/toolchain.ts';

const hasPython = useToolchain('python3');
const hasPhp = useToolchain('php', ['--version'], 'php-cli');

/** One runtime per family and code style with all four hook combinations; the rest with both hooks. */
const MATRIX = [
  ...['nodejs20', 'nodejs16', 'python3.10', 'php7.2'].flatMap((runtime) => HOOK_COMBINATIONS.map((combination) => ({ runtime, combination }))),
  ...['nodejs14', 'nodejs18', 'python3.9', 'python3.12'].map((runtime) => ({ runtime, combination: HOOK_COMBINATIONS[0] })),
].filter(({ runtime }) => (runtime.startsWith('python') ? hasPython : runtime.startsWith('php') ? hasPhp : true));

describe('generated projects pass run', () => {
  test.each(MATRIX)('$runtime, $combination.name', async ({ runtime, combination }) => {
    const { root } = await generateProject({ runtime, ...combination.answers });
    const result = await expectGeneratedProjectRuns(root, combination.answers);
    if (!('initializer' in combination.answers)) expect(result.stdout).toMatch(/\[INFO\] initialized resource-/);
    if (!('preStop' in combination.answers)) expect(result.stdout).toMatch(/\[INFO\] released resource-.* after 2 request/);
  });
});

describe('options', () => {
  test('--json prints the timeline as data; --event - reads stdin; --no-pre-stop leaves PreStop out', async () => {
    const root = writeFixture({ runtime: 'nodejs20', initializer: { handler: 'index.initialize' }, preStop: { handler: 'index.preStop' } }, {
      'index.mjs': `export const initialize = async () => '';
export const handler = async (event) => 'got ' + event.toString();
export const preStop = async () => '';
`,
    });
    const result = await runCommand(['.', '--json', '--event', '-', '--no-pre-stop', '--invocations', '3'], root, '{"a":1}');
    expect(result.status).toBe(0);
    const timeline = JSON.parse(result.stdout);
    expect(timeline).toMatchObject({ resource: 'fixture_fn', runtime: 'nodejs20', ok: true });
    expect(timeline.steps.map((step: { kind: string }) => step.kind)).toEqual(['initializer', 'invoke', 'invoke', 'invoke']);
    expect(timeline.steps[1]).toMatchObject({ ok: true, result: 'got {"a":1}', attempt: 1 });
  });

  test('--event <file> is every invocation\'s event; the context comes from s.yaml and the environment', async () => {
    const root = writeFixture({ runtime: 'nodejs20', extra: '      environmentVariables:\n        GREETING: hello ${env(FC_RUN_TEST_NAME)}\n' }, {
      'index.mjs': `export const handler = async (event, context) => JSON.stringify({ event: event.toString(), greeting: process.env.GREETING, fn: context.function, region: context.region, key: context.credentials.accessKeyId });\n`,
      'event.json': '{"from":"file"}',
    });
    process.env.FC_RUN_TEST_NAME = 'world';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'my-key';
    try {
      const result = await runCommand(['--event', 'code/event.json', '--json'], root);
      expect(JSON.parse(JSON.parse(result.stdout).steps[0].result)).toEqual({
        event: '{"from":"file"}',
        greeting: 'hello world',
        fn: { name: 'fixture-fn', handler: 'index.handler', memory: 512, timeout: 5 },
        region: 'cn-hangzhou',
        key: 'my-key',
      });
    } finally {
      delete process.env.FC_RUN_TEST_NAME;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    }
  });

  test('--resource picks one of several fc3 resources; without it run asks for one', async () => {
    const root = writeFixture({ runtime: 'nodejs20' }, { 'index.mjs': 'export const handler = async () => "first";\nexport const other = async () => "second";\n' });
    const sYaml = join(root, 's.yaml');
    writeFileSync(sYaml, readFileSync(sYaml, 'utf8') + readFileSync(sYaml, 'utf8').split('resources:\n')[1]!.replace('fixture_fn:', 'other_fn:').replace('index.handler', 'index.other'));
    expect(await runCommand([], root)).toEqual({ status: 1, stdout: '', stderr: 'error: --resource: s.yaml has 2 fc3 resources (fixture_fn, other_fn): name one\n' });
    const result = await runCommand(['--resource', 'other_fn', '--json'], root);
    expect(JSON.parse(result.stdout)).toMatchObject({ resource: 'other_fn', ok: true, steps: [{ kind: 'invoke', result: 'second' }] });
  });

  test('bad options are one error line, exit 1', async () => {
    const root = writeFixture({ runtime: 'nodejs20' }, { 'index.mjs': 'export const handler = async () => "";\n' });
    expect(await runCommand(['--invocations', 'many'], root)).toEqual({ status: 1, stdout: '', stderr: 'error: --invocations: must be a whole number from 0 to 100, got "many"\n' });
    expect(await runCommand(['--resource', 'other'], root)).toEqual({ status: 1, stdout: '', stderr: 'error: --resource: no fc3 resource "other" in s.yaml (there are: fixture_fn)\n' });
    expect((await runCommand(['--event', 'missing.json'], root)).stderr).toBe('error: --event: cannot read "missing.json": ENOENT\n');
    expect(await runCommand(['code'], root)).toEqual({ status: 1, stdout: '', stderr: 'error: dir: no s.yaml or s.yml in "code" (run `run` in a Serverless Devs project)\n' });
  });

  test('a missing toolchain is one line naming what to install, exit 2', async () => {
    const root = writeFixture({ runtime: 'php7.2' }, { 'index.php': '<?php function handler($event, $context) { return ""; }\n' });
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await runCommand([], root)).toEqual({ status: 2, stdout: '', stderr: 'error: php is not installed or not on PATH: install the PHP CLI (php on PATH)\n' });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('broken hooks fail as FC fails them', () => {
  test('an initializer that throws: retried once, then the request fails with InitializationError (spec §5), exit 1', async () => {
    const root = writeFixture({ runtime: 'nodejs20', initializer: { handler: 'index.initialize' } }, {
      'index.mjs': `export const initialize = async () => { throw new Error('database unreachable'); };\nexport const handler = async () => 'never';\n`,
    });
    const result = await runCommand([], root);
    expect(result.status).toBe(1);
    expect(markers(result.stdout)).toEqual(['Initialize Start', 'Initialize End', 'Initialize Start', 'Initialize End']);
    expect(result.stdout).toContain('run: initializer failed in');
    expect(result.stdout).toMatch(/run: initializer \(retry 1\) failed in [\d.]+ ms: X-Fc-Error-Type: InitializationError, errorMessage: Error: database unreachable/);
  });

  test.skipIf(!hasPython)('a non-idempotent initializer: its retry on the same instance raises (spec §5: it must be idempotent)', async () => {
    const root = writeFixture({ runtime: 'python3.10', initializer: { handler: 'index.initialize' } }, {
      'index.py': `pool = None

def initialize(context):
    global pool
    if pool is not None:
        raise RuntimeError("pool already created")
    pool = "pool"
    raise ConnectionError("database unreachable")

def handler(event, context):
    return "never"
`,
    });
    const result = await runCommand(['--json'], root);
    expect(result.status).toBe(1);
    const steps = JSON.parse(result.stdout).steps;
    expect(steps.map((s: { errorMessage: string }) => s.errorMessage)).toEqual(['ConnectionError: database unreachable', 'RuntimeError: pool already created']);
    expect(steps.every((s: { errorType: string }) => s.errorType === 'InitializationError')).toBe(true);
  });

  test.skipIf(!hasPhp)('an initializer that outlives its timeout fails with InitializationError; the retry runs on a new instance', async () => {
    const root = writeFixture({ runtime: 'php7.2', initializer: { handler: 'index.initialize', timeout: 1 } }, {
      'index.php': `<?php\nfunction initialize($context) { $GLOBALS['fcLogger']->info('loading the model'); sleep(30); }\nfunction handler($event, $context) { return 'never'; }\n`,
    });
    const started = Date.now();
    const result = await runCommand(['--json'], root);
    expect(result.status).toBe(1);
    const steps = JSON.parse(result.stdout).steps;
    expect(steps).toHaveLength(2);
    expect(steps[1]).toMatchObject({ kind: 'initializer', attempt: 2, ok: false, errorType: 'InitializationError', errorMessage: 'timed out after 1 s' });
    expect(steps[1].logs).toEqual([expect.stringMatching(/\[INFO\] loading the model$/)]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a nodejs16 hook that never calls back times out (FC: nodejs16 and older must call the callback, spec §1.2)', async () => {
    const root = writeFixture({ runtime: 'nodejs16', initializer: { handler: 'index.initialize', timeout: 1 } }, {
      'index.js': `exports.initialize = function (context, callback) { context.logger.info('connected'); };\nexports.handler = function (event, context, callback) { callback(null, 'ok'); };\n`,
    });
    const result = await runCommand([], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/run: initializer \(retry 1\) failed in \d+(\.\d+)? ms: X-Fc-Error-Type: InitializationError, errorMessage: timed out after 1 s/);
  });

  test('an invocation past the function timeout fails and takes the instance down: no PreStop', async () => {
    const root = writeFixture({ runtime: 'nodejs20', timeout: 1, preStop: { handler: 'index.preStop' } }, {
      'index.mjs': `export const handler = () => new Promise(() => {});\nexport const preStop = async () => '';\n`,
    });
    const result = await runCommand(['--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([{ kind: 'invoke', ok: false, errorType: 'UnhandledInvocationError', errorMessage: 'timed out after 1 s' }]);
  });

  test('a handler callback(error) is HandledInvocationError, a throw UnhandledInvocationError; the instance lives on to PreStop', async () => {
    const root = writeFixture({ runtime: 'nodejs16', preStop: { handler: 'index.preStop' } }, {
      'index.js': `let n = 0;
exports.handler = function (event, context, callback) { if (n++ === 0) callback(new Error('bad input')); else throw new Error('crash'); };
exports.preStop = function (context, callback) { callback(null, ''); };
`,
    });
    const result = await runCommand(['--json', '--invocations', '2'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'invoke', ok: false, errorType: 'HandledInvocationError', errorMessage: 'Error: bad input' },
      { kind: 'invoke', ok: false, errorType: 'UnhandledInvocationError', errorMessage: 'Error: crash' },
      { kind: 'preStop', ok: true },
    ]);
  });

  test.skipIf(!hasPython)('a PreStop that throws fails run (FC logs the failure; its result is otherwise ignored, spec §5)', async () => {
    const root = writeFixture({ runtime: 'python3.10', preStop: { handler: 'index.pre_stop' } }, {
      'index.py': `def handler(event, context):\n    return "ok"\n\ndef pre_stop(context):\n    raise RuntimeError("flush failed")\n`,
    });
    const result = await runCommand([], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FC PreStop Start[^]*RuntimeError: flush failed[^]*FC PreStop End[^]*run: preStop failed in [\d.]+ ms: errorMessage: RuntimeError: flush failed/);
  });
});

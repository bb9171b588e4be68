// `create-fc-lifecycle run` on custom runtimes and custom containers: the server starts as FC starts
// it and gets FC's HTTP calls; broken servers fail as FC fails them (spec §1.8, seed 001). `run` did
// not exist before issue 13, so every test here failed on the old code (the command was unknown).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FLASK_PYTHON, freePort } from '../../helpers/fake-fc.ts';
import { generateProject, HOOK_COMBINATIONS, tempDir } from '../../helpers/generate.ts';
import { markers, runCommand, treeState, writeFixture } from '../../helpers/run-cli.ts';
import { run } from '../../helpers/toolchain.ts';

const hasFlask = run(FLASK_PYTHON, ['-c', 'import flask']).status === 0;

// The generated Flask servers start with `python3 app.py`: python3 on PATH is the one with Flask here.
const path = process.env.PATH;
beforeAll(() => {
  const bin = tempDir('fc-run-bin-');
  symlinkSync(FLASK_PYTHON, join(bin, 'python3'));
  process.env.PATH = `${bin}:${path}`;
});
afterAll(() => {
  process.env.PATH = path;
});

const MATRIX = [
  ...HOOK_COMBINATIONS.map((combination) => ({ runtime: 'custom.debian10', server: 'node' as const, combination })),
  ...HOOK_COMBINATIONS.map((combination) => ({ runtime: 'custom.debian12', server: 'flask' as const, combination })),
  { runtime: 'custom-container', server: 'flask' as const, combination: HOOK_COMBINATIONS[0] },
].filter(({ server }) => server === 'node' || hasFlask);

describe('generated projects pass run', () => {
  test.each(MATRIX)('$runtime ($server), $combination.name', async ({ runtime, server, combination }) => {
    const { root } = await generateProject({ runtime, ...(runtime !== 'custom-container' && { server }), ...combination.answers });
    const before = treeState(root);
    const result = await runCommand([root, '--port', String(await freePort()), '--json', '--invocations', '2'], root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const kinds = JSON.parse(result.stdout).steps.map((step: { kind: string }) => step.kind);
    expect(kinds).toEqual([
      ...(!('initializer' in combination.answers) ? ['initializer'] : []),
      'invoke', 'invoke',
      ...(!('preStop' in combination.answers) ? ['preStop'] : []),
    ]);
    expect(JSON.parse(JSON.parse(result.stdout).steps.at(-1 - kinds.filter((k: string) => k === 'preStop').length).result).resource.uses).toBe(2);
    expect(treeState(root)).toEqual(before);
  });

  test.runIf(hasFlask)('a GPU custom container with the command initializer: /code/warm-up.sh runs in the code directory', async () => {
    const { root } = await generateProject({ runtime: 'custom-container', gpu: 'fc.gpu.tesla.1', initializerCommand: '/code/warm-up.sh' });
    const result = await runCommand([root, '--port', String(await freePort())], root);
    expect(result.status, result.stdout).toBe(0);
    expect(markers(result.stdout).filter((marker) => marker.startsWith('Initialize'))).toContain('Initialize Start');
    expect(result.stdout).toMatch(/warm-up: POST http:\/\/127\.0\.0\.1:\d+\/initialize answered 200/);
  });
});

/** A custom.debian10 project whose node server is `source` (it gets PORT = FC_CUSTOM_LISTEN_PORT). */
function nodeServer(source: string, hooks: { initializer?: boolean; preStop?: boolean; command?: string[] } = {}) {
  return writeFixture({
    runtime: 'custom.debian10',
    extra: '      customRuntimeConfig:\n        command: [node, server.js]\n        port: 9000\n',
    ...(hooks.initializer && { initializer: { handler: 'true', timeout: 2 } }),
    ...(hooks.command && { initializer: { command: hooks.command, timeout: 2 } }),
    ...(hooks.preStop && { preStop: { handler: 'true', timeout: 2 } }),
  }, {
    'server.js': `const http = require('node:http');
const PORT = Number(process.env.FC_CUSTOM_LISTEN_PORT);
${source}
`,
  });
}

const OK_SERVER = `http.createServer((req, res) => res.end(req.url)).listen(PORT, '0.0.0.0');`;

describe('broken servers fail as FC fails them', () => {
  test('a server on 127.0.0.1 never starts for FC: FunctionNotStarted (spec §1.8), exit 1', async () => {
    const root = nodeServer(`http.createServer((req, res) => res.end('')).listen(PORT, '127.0.0.1');`);
    const port = await freePort();
    const result = await runCommand(['--port', String(port)], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`X-Fc-Error-Type: FunctionNotStarted, errorMessage: the server listens on 127.0.0.1:${port}; FC reaches it only on 0.0.0.0:${port}`);
  });

  test('a server on a fixed port of its own never starts for FC: FunctionNotStarted (spec §1.8)', async () => {
    const own = await freePort();
    const root = nodeServer(`http.createServer((req, res) => res.end('')).listen(${own}, '0.0.0.0');`);
    const result = await runCommand(['--port', String(await freePort()), '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([{ kind: 'start', errorType: 'FunctionNotStarted', errorMessage: expect.stringContaining(`listens on port ${own}, not on FC_CUSTOM_LISTEN_PORT`) }]);
  });

  test('a /pre-stop that answers 500 fails run (seed 001: 500 makes FC restart the instance)', async () => {
    const root = nodeServer(`http.createServer((req, res) => { res.statusCode = req.url === '/pre-stop' ? 500 : 200; res.end(''); }).listen(PORT, '0.0.0.0');`, { preStop: true });
    const result = await runCommand(['--port', String(await freePort())], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/run: preStop failed in [\d.]+ ms: errorMessage: GET \/pre-stop answered 500 \(FC restarts the instance\)/);
  });

  test('an /initialize that answers 404 is retried on the same instance (seed 001), then InitializationError', async () => {
    const root = nodeServer(`let calls = 0;
http.createServer((req, res) => { if (req.url === '/initialize') { calls += 1; res.statusCode = 404; } res.end(String(calls)); }).listen(PORT, '0.0.0.0');`, { initializer: true });
    const result = await runCommand(['--port', String(await freePort()), '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'initializer', attempt: 1, errorType: 'InitializationError', errorMessage: 'POST /initialize answered 404 (FC retries the initializer on this instance)' },
      { kind: 'initializer', attempt: 2, errorType: 'InitializationError' },
    ]);
  });

  test('an /initialize that answers 500 restarts the instance (seed 001): the retry succeeds on a fresh one', async () => {
    const marker = join(tempDir('fc-run-marker-'), 'started-once');
    const root = nodeServer(`const fs = require('node:fs');
const first = !fs.existsSync(${JSON.stringify(marker)});
fs.writeFileSync(${JSON.stringify(marker)}, '');
http.createServer((req, res) => { res.statusCode = req.url === '/initialize' && first ? 500 : 200; res.end(req.url); }).listen(PORT, '0.0.0.0');`, { initializer: true });
    const result = await runCommand(['--port', String(await freePort()), '--json'], root);
    expect(result.status, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'initializer', attempt: 1, ok: false, errorMessage: 'POST /initialize answered 500 (FC restarts the instance)' },
      { kind: 'initializer', attempt: 2, ok: true },
      { kind: 'invoke', ok: true, result: '/invoke' },
    ]);
  });

  test('a command initializer that exits 1 fails and is not run again (seed 001), exit 1', async () => {
    const root = nodeServer(OK_SERVER, { command: ['/bin/sh', '-c', 'echo warming up; exit 1'] });
    const result = await runCommand(['--port', String(await freePort()), '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'initializer', attempt: 1, ok: false, errorType: 'InitializationError', errorMessage: 'the initializer command exited with code 1 (FC does not run it again)', logs: ['warming up'] },
    ]);
  });

  test('a start command that is not installed is one line, exit 2', async () => {
    const root = writeFixture({ runtime: 'custom.debian12', extra: '      customRuntimeConfig:\n        command: [no-such-server-binary]\n' }, { 'README': '' });
    expect(await runCommand([], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: no-such-server-binary (customRuntimeConfig.command in s.yaml) is not installed or not on PATH: install it to run the server locally\n',
    });
  });

  test('a port already in use is one line, exit 2', async () => {
    const root = nodeServer(OK_SERVER);
    const blocker = (await import('node:net')).createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      expect(await runCommand(['--port', String(port)], root)).toMatchObject({ status: 2, stderr: `error: port ${port} is already in use on this machine: stop what listens there or pass --port\n` });
    } finally {
      blocker.close();
    }
  });
});

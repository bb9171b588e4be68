// `add` on a custom runtime or container whose server the generator wrote: s.yaml gets the hook, and the
// server gets the hook's route, the same block at the same place as a server generated with the hook,
// so that FC's POST /initialize or GET /pre-stop is answered as a hook and not as a request.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose } from '../src/doctor/index.ts';
import type { Answers } from '../src/spec.ts';
import { FLASK_PYTHON } from './helpers/fake-fc.ts';
import { generateProject } from './helpers/generate.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasFlask = useToolchain(FLASK_PYTHON, ['-c', 'import flask'], 'apt-get install -y python3-flask');

const SERVERS: { name: string; answers: Answers; file: string; flask: boolean }[] = [
  { name: 'custom.debian12, Flask', answers: { runtime: 'custom.debian12' }, file: 'code/app.py', flask: true },
  { name: 'custom.debian10, node', answers: { runtime: 'custom.debian10', server: 'node' }, file: 'code/server.js', flask: false },
  { name: 'custom-container', answers: { runtime: 'custom-container' }, file: 'code/app.py', flask: true },
];

/** The server's code below its header comment (which lists the routes of the hooks it was generated with). */
function body(root: string, file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  return text.slice(text.search(/^(import json|'use strict';)$/m));
}

async function add(args: string[], root: string): Promise<string> {
  let out = '';
  const io: Io = { stdout: (text) => (out += text), stderr: (text) => (out += text), interactive: false, cwd: root };
  expect(await main(['add', '.', ...args, '--yes'], io), out).toBe(0);
  return out;
}

describe.each(SERVERS)('$name', ({ answers, file, flask }) => {
  test.each<[string, Answers, string[]]>([
    ['both hooks', { initializer: false, preStop: false }, ['--initializer', 'true', '--pre-stop', 'true']],
    ['the initializer', { initializer: false }, ['--initializer', 'true']],
    ['preStop', { preStop: false }, ['--pre-stop', 'true']],
  ])('add %s: the routes of a server generated with them; the lifecycle test passes; doctor is clean', async (_name, without, args) => {
    const { root } = await generateProject({ ...answers, ...without });
    const out = await add(args, root);
    const { root: expected } = await generateProject(answers);
    expect(body(root, file)).toBe(body(expected, file));
    for (const flag of args.filter((arg) => arg.startsWith('--'))) {
      const route = flag === '--initializer' ? 'POST /initialize' : 'GET /pre-stop';
      expect(out).toMatch(new RegExp(`: ${file.replace('.', '\\.')}:\\d+ route ${route} added\\n`));
    }
    expect(out).not.toContain('warning');
    expect(await add(args, root), 'the second run changes nothing').toContain('Nothing to change');
    expect((await diagnose(root)).findings).toEqual([]);
    if (flask && !hasFlask) return;
    const result = flask
      ? run(FLASK_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root })
      : run(process.execPath, ['--test', 'test/lifecycle.test.mjs'], { cwd: root });
    expect(result.status, result.output).toBe(0);
  });
});

test('a server the generator did not write keeps the warning, and nothing is inserted', async () => {
  const { root } = await generateProject({ runtime: 'custom.debian12', initializer: false });
  const app = join(root, 'code', 'app.py');
  const handWritten = readFileSync(app, 'utf8').replace('def get_resource(request_id):', 'def resource_of(request_id):');
  writeFileSync(app, handWritten);
  const out = await add(['--initializer', 'true'], root);
  expect(out).toContain('warning: Initializer: FC will call POST /initialize on your server, and no code in code mentions /initialize');
  expect(readFileSync(app, 'utf8')).toBe(handWritten);
});

test('adding a route loads the custom templates itself', async () => {
  const { root } = await generateProject({ runtime: 'custom.debian10', server: 'node', initializer: false, preStop: false });
  vi.resetModules();
  const { planAddHooks } = await import('../src/hooks/index.ts');
  const plan = await planAddHooks({ dir: root, initializer: true, preStop: true }, root);
  expect(plan.notes.filter((note) => / route (POST|GET) \S+ added$/.test(note))).toHaveLength(2);
  expect(plan.changes.map((change) => change.path.slice(root.length + 1)).sort()).toEqual(['code/server.js', 's.yaml']);
});

// The `file.function` families (Node.js, Python, PHP) read hand-written code once, in
// src/runtimes/<family>/code.ts, for both the doctor and the hook editor: where the two used to read it
// each their own way, `add` said "already has it" of a hook the doctor (and FC) cannot find, or could
// not edit a module the doctor reads. Each case: what `add` does, and that the doctor then agrees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose } from '../src/doctor/index.ts';
import { writeFixture } from './helpers/run-cli.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasPhp = useToolchain('php', ['--version'], 'apt-get install -y php-cli');

async function add(root: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, cwd: root };
  const status = await main(['add', '.', ...args], io);
  return { status, stdout, stderr };
}

/** The doctor's findings about hooks: a configured hook it cannot find, a hook function s.yaml does not configure. */
const hookFindings = async (root: string) => (await diagnose(root)).findings.filter((finding) => finding.rule.startsWith('hook-')).map((finding) => `${finding.rule}: ${finding.message}`);

test.runIf(hasPhp)('PHP: a method named initialize is not the global function FC calls; add writes that function', async () => {
  const handler = '<?php\nclass Cache {\n    function initialize($context) {}\n}\n\nfunction handler($event, $context) {\n    return "ok";\n}\n';
  const root = writeFixture({ runtime: 'php7.2' }, { 'index.php': handler });
  const result = await add(root, '--initializer', 'index.initialize');
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/Initializer: code\/index\.php:\d+ added\n/);
  const after = readFileSync(join(root, 'code/index.php'), 'utf8');
  expect(after.startsWith(handler)).toBe(true);
  expect(after).toMatch(/\nfunction initialize\(\$context\)/);
  const lint = run('php', ['-l', join(root, 'code/index.php')]);
  expect(lint.status, lint.output).toBe(0);
  const logger = 'new class { public function info($line) { echo $line; } }';
  const called = run('php', ['-r', `require '${join(root, 'code/index.php')}'; $GLOBALS['fcLogger'] = ${logger}; initialize(null);`]);
  expect(called.stdout, called.output).toContain('initialize: initializer ran');
  expect((await hookFindings(root))).toEqual([]);
});

test('Python: a hook imported into the handler module is there; add does not shadow it with a new def', async () => {
  const main = 'from hooks import initialize\n\n\ndef handler(event, context):\n    return "ok"\n';
  const root = writeFixture({ runtime: 'python3.10' }, { 'index.py': main, 'hooks.py': 'def initialize(context):\n    pass\n' });
  const result = await add(root, '--initializer', 'index.initialize');
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('Initializer: code/index.py:1 already has it; code not changed\n');
  expect(readFileSync(join(root, 'code/index.py'), 'utf8')).toBe(main);
  expect((await hookFindings(root))).toEqual([]);
});

test('Python: a handler module that is a package (app/__init__.py) gets its hook there, where the doctor looks', async () => {
  const init = 'def handler(event, context):\n    return "ok"\n';
  const root = writeFixture({ runtime: 'python3.10', handler: 'app.handler' }, { 'app/__init__.py': init });
  const result = await add(root, '--initializer', 'app.initialize');
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/Initializer: code\/app\/__init__\.py:\d+ added\n/);
  const called = run('python3', ['-c', 'import app; app.initialize(None); print("called")'], { cwd: join(root, 'code') });
  expect(called.stdout, called.output).toContain('called');
  expect((await hookFindings(root))).toEqual([]);
});

test('Node.js: a name only mentioned inside an exported function is not exported; add refuses instead of calling it there', async () => {
  const index = "function initialize(context, callback) {\n  callback(null, '');\n}\n\nmodule.exports = {\n  handler: (event, context, callback) => callback(null, { initialize }),\n};\n";
  const root = writeFixture({ runtime: 'nodejs16' }, { 'index.js': index });
  const result = await add(root, '--initializer', 'index.initialize');
  expect(result.stderr).toBe('error: initializer: code/index.js:1 declares initialize but does not export it; export it, or choose another name\n');
  expect(result.status).toBe(1);
  expect(readFileSync(join(root, 'code/index.js'), 'utf8')).toBe(index);
  const configured = writeFixture({ runtime: 'nodejs16', initializer: { handler: 'index.initialize', timeout: 10 } }, { 'index.js': index });
  expect((await hookFindings(configured))).toEqual([expect.stringMatching(/^hook-not-found: /)]);
});

test('Node.js: `export let name;` assigned later exports the name; the doctor finds it as add does', async () => {
  const index = 'export const handler = async (event, context) => "ok";\n\nexport let preStop;\npreStop = async (context) => {};\n';
  const root = writeFixture({ runtime: 'nodejs20', preStop: { handler: 'index.preStop', timeout: 10 } }, { 'index.mjs': index });
  const result = await add(root, '--pre-stop', 'index.preStop');
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('PreStop: code/index.mjs:3 already has it; code not changed\n');
  expect((await hookFindings(root))).toEqual([]);
});

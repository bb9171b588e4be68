// `run` from the published package: the bootstraps live in templates/<family>/run/ and ship inside
// the bundle's template chunks, so the packed tarball runs a project with nothing else installed.
// Before issue 13 the tarball had no `run` command (these tests failed: unknown command).
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from './helpers/generate.ts';
import { markers } from './helpers/run-cli.ts';
import { run, useToolchain } from './helpers/toolchain.ts';
import { packedBin } from './helpers/packed-bin.ts';

const hasPython = useToolchain('python3');
const hasPhp = useToolchain('php', ['--version'], 'php-cli');
let bin: string;

beforeAll(() => {
  bin = packedBin();
});

test.each([
  { runtime: 'nodejs20', available: true },
  { runtime: 'nodejs16', available: true },
  { runtime: 'python3.10', available: hasPython },
  { runtime: 'php7.2', available: hasPhp },
].filter(({ available }) => available))('the packed bin runs a generated $runtime project', ({ runtime }) => {
  const cwd = tempDir('fc-run-package-cwd-');
  expect(run('node', [bin, 'my-fn', '--runtime', runtime, '--yes'], { cwd, input: '' }).status).toBe(0);
  // As the README's "Run locally like FC" step and the .vscode task run it: `run .` in the project.
  const result = run('node', [bin, 'run', '.'], { cwd: join(cwd, 'my-fn'), input: '' });
  expect(result.status, result.output).toBe(0);
  expect(markers(result.stdout)).toEqual(['Initialize Start', 'Initialize End', 'Invoke Start', 'Invoke End', 'PreStop Start', 'PreStop End']);
});

test('the packed bin lists run in --help and has its own --help', () => {
  expect(run('node', [bin, '--help']).stdout).toMatch(/^ {2}run \[dir\] \[--event <file>\|-\] \[--invocations <n>\]/m);
  expect(run('node', [bin, 'run', '--help']).stdout).toMatch(/^Usage: create-fc-lifecycle run \[dir\]/);
});

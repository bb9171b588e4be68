// The hook editor and a GPU custom container's command-type initializer: `remove --initializer` keeps
// the command in its switched-off comment, and `add --initializer` restores the command form (not a
// handler initializer under a stale comment); `add --initializer-command <sh>` sets one, checked as
// `create --initializer-command` is, with one-line errors. After each edit the generated lifecycle
// test (which reads s.yaml and runs the command as FC would) still passes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import type { Answers } from '../src/spec.ts';
import { FLASK_PYTHON } from './helpers/fake-fc.ts';
import { generateProject } from './helpers/generate.ts';
import { readTree } from './helpers/hook-fixtures.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasFlask = useToolchain(FLASK_PYTHON, ['-c', 'import flask'], 'apt-get install -y python3-flask');

const GPU = { runtime: 'custom-container', gpu: 'fc.gpu.tesla.1' } as const;

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, cwd };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

async function edits(args: string[], root: string) {
  const result = await cli([...args, '--yes'], root);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** The error contract: exit 1, one stderr line, no file changed. Returns that line. */
async function refused(args: string[], root: string): Promise<string> {
  const before = readTree(root);
  const result = await cli([...args, '--yes'], root);
  expect(result.status, result.stdout).toBe(1);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(readTree(root)).toEqual(before);
  return result.stderr.trimEnd();
}

const sYamlText = (root: string) => readFileSync(join(root, 's.yaml'), 'utf8');
const initializerOf = (root: string) => (Object.values(parse(sYamlText(root)).resources)[0] as { props: Record<string, any> }).props.instanceLifecycleConfig.initializer;

function lifecycleTestPasses(root: string): string {
  const result = run(FLASK_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root });
  expect(result.status, result.output).toBe(0);
  return result.output;
}

describe('remove --initializer, then add --initializer: the command comes back', () => {
  test.each(['echo warm-up done', '/code/warm-up.sh', 'printf "%s, %s\\n" a b # and a comment'])('%s', async (command) => {
    const { root } = await generateProject({ ...GPU, initializerCommand: command, initializerTimeout: 300 });
    const generated = initializerOf(root);

    const removed = await edits(['remove', '.', '--initializer'], root);
    expect(removed).toContain(`Initializer: s.yaml switched off (was /bin/sh -c ${command})`);
    expect(removed).toMatch(/, s\.yaml line \d+; its comment keeps the command, which `add --initializer` restores\n/);
    expect(initializerOf(root)).toEqual({ command: [], timeout: 300, handler: '' });
    expect(sYamlText(root)).toContain(`# Its command was ${JSON.stringify(['/bin/sh', '-c', command])}; \`create-fc-lifecycle add --initializer\` restores it.\n`);

    const added = await edits(['add', '.', '--initializer', 'true'], root);
    expect(added).toMatch(/Initializer: s\.yaml switched back on as a command: \/bin\/sh -c .*, timeout 300, s\.yaml line \d+; FC runs it .* does not call POST \/initialize/);
    expect(initializerOf(root), 'the command form, no handler').toEqual(generated);
    const text = sYamlText(root);
    expect(text).not.toContain('Switched off by');
    expect(text).not.toContain('Its command was');
    expect(text.match(/# Command-type initializer/g), 'the generated comment, once').toHaveLength(1);

    expect(await edits(['add', '.', '--initializer', 'true'], root), 'once on, add changes nothing').toMatch(/^ {2}Initializer: s\.yaml already runs the command/m);
    if (hasFlask) lifecycleTestPasses(root);
  });

  test.runIf(hasFlask)('the generated lifecycle test passes when off, and runs the restored command when back on', async () => {
    const { root } = await generateProject({ ...GPU, initializerCommand: 'echo warm-up done' });
    await edits(['remove', '.', '--initializer'], root);
    lifecycleTestPasses(root);
    await edits(['add', '.', '--initializer', 'true'], root);
    expect(initializerOf(root)).toEqual({ command: ['/bin/sh', '-c', 'echo warm-up done'], timeout: 60 });
    expect(lifecycleTestPasses(root)).not.toContain('skipped');
  });
});

describe('add --initializer-command', () => {
  test.runIf(hasFlask).each<[string, Answers]>([
    ['after --no-initializer', { ...GPU, initializer: false }],
    ['after remove --initializer of a handler initializer', GPU],
  ])('%s: the command form, and the lifecycle test runs it', async (name, answers) => {
    const { root } = await generateProject(answers);
    if (name.includes('remove')) await edits(['remove', '.', '--initializer'], root);
    const out = await edits(['add', '.', '--initializer-command', 'echo warm-up done', '--initializer-timeout', '120'], root);
    expect(out).toMatch(/Initializer: s\.yaml (added|switched back on) as a command: \/bin\/sh -c echo warm-up done, timeout 120/);
    expect(initializerOf(root)).toEqual({ command: ['/bin/sh', '-c', 'echo warm-up done'], timeout: 120 });
    expect(lifecycleTestPasses(root)).not.toContain('skipped');
  });

  test('a command that runs a file under /code that code/ does not have is added with a warning', async () => {
    const { root } = await generateProject({ ...GPU, initializer: false });
    const result = await cli(['add', '.', '--initializer-command', '/code/warm-up.sh', '--yes'], root);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("warning: Initializer: the command runs /code/warm-up.sh, and code/ (the image's /code) has no such file: add it before deploying, or FC fails the initializer\n");
    const { root: withScript } = await generateProject({ ...GPU, initializerCommand: '/code/warm-up.sh' });
    await edits(['remove', '.', '--initializer'], withScript);
    expect((await cli(['add', '.', '--initializer-command', '/code/warm-up.sh', '--yes'], withScript)).stderr, 'code/warm-up.sh is there').toBe('');
  });

  test('the same command again changes nothing but the timeout asked for', async () => {
    const { root } = await generateProject({ ...GPU, initializerCommand: '/code/warm-up.sh' });
    expect(await edits(['add', '.', '--initializer-command', '/code/warm-up.sh'], root)).toContain('Nothing to change');
    expect(await edits(['add', '.', '--initializer-command', '/code/warm-up.sh', '--initializer-timeout', '90'], root)).toContain('timeout set to 90');
    expect(initializerOf(root)).toEqual({ command: ['/bin/sh', '-c', '/code/warm-up.sh'], timeout: 90 });
  });

  test.each<[string, Answers, string[], string]>([
    ['a built-in runtime', { runtime: 'nodejs20' }, ['--initializer-command', 'true'], 'error: initializer-command: only applies to custom-container, not nodejs20'],
    ['a custom runtime', { runtime: 'custom.debian10', initializer: false }, ['--initializer-command', 'true'], 'error: initializer-command: only applies to custom-container, not custom.debian10'],
    ['a container without a GPU', { runtime: 'custom-container', initializer: false }, ['--initializer-command', 'true'], 'error: initializer-command: needs a GPU function (gpuConfig.gpuType in s.yaml): FC runs command-type initializers for GPU functions only'],
    ['an empty command', { ...GPU, initializer: false }, ['--initializer-command', ' '], 'error: initializer-command: must not be empty'],
    ['a handler too', { ...GPU, initializer: false }, ['--initializer', 'true', '--initializer-command', 'true'], "error: initializer-command: cannot be combined with --initializer true: FC runs a hook's handler or its command, never both"],
    ['a handler initializer that is on', GPU, ['--initializer-command', 'true'], /^error: initializer-command: s\.yaml already has the Initializer hook with handler true, s\.yaml line \d+, and FC runs a hook's handler or its command, never both; switch it off first with `create-fc-lifecycle remove --initializer`$/.source],
    ['another command that is on', { ...GPU, initializerCommand: '/code/warm-up.sh' }, ['--initializer-command', 'true'], /^error: initializer-command: s\.yaml already runs the initializer as the command \/bin\/sh -c \/code\/warm-up\.sh, s\.yaml line \d+; switch it off first with `create-fc-lifecycle remove --initializer`$/.source],
  ])('refused on %s', async (_name, answers, args, error) => {
    const { root } = await generateProject(answers);
    const line = await refused(['add', '.', ...args], root);
    if (error.startsWith('^')) expect(line).toMatch(new RegExp(error));
    else expect(line).toBe(error);
  });

  test('a recorded command on a function that is no longer a GPU one is refused, and says how to add a handler instead', async () => {
    const { root } = await generateProject({ ...GPU, initializerCommand: '/code/warm-up.sh' });
    await edits(['remove', '.', '--initializer'], root);
    writeFileSync(join(root, 's.yaml'), sYamlText(root).replace(/ +gpuConfig:\n.*\n.*\n/, ''));
    expect(await refused(['add', '.', '--initializer', 'true'], root)).toMatch(
      /^error: initializer: s\.yaml says it was the command \["\/bin\/sh","-c","\/code\/warm-up\.sh"\], s\.yaml line \d+, which only a GPU custom container can run; to add a handler initializer instead, delete that comment line$/,
    );
  });

  test('--help documents the flag and how a switched-off command is remembered', async () => {
    const { stdout } = await cli(['add', '--help'], '/');
    expect(stdout).toContain('--initializer-command <sh>');
    expect(stdout).toContain('`add --initializer <any entry>` restores that command');
    expect((await cli(['remove', '--help'], '/')).stdout).toContain("A command-type initializer's command is kept in that comment");
  });
});

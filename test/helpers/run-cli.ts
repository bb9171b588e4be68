// Runs `create-fc-lifecycle run` in-process and helps write small hand-made projects for it.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { tempDir } from './generate.ts';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** `create-fc-lifecycle run <args>` in `cwd`, with `stdin` as what `--event -` reads. */
export async function runCommand(args: string[], cwd: string, stdin = ''): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    cwd,
    readStdin: async () => stdin,
  };
  const status = await main(['run', ...args], io);
  return { status, stdout, stderr };
}

/** Every file under `root` with its size and modification time, to show that nothing changed. */
export function treeState(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return [`${relative(root, path)}/`, ...walk(path)];
      const stat = statSync(path);
      return [`${relative(root, path)} ${stat.size} ${stat.mtimeMs}`];
    });
  return walk(root).sort();
}

/** The FC log markers of a run's output, in order (`Initialize Start`, `Invoke End`, ...). */
export function markers(stdout: string): string[] {
  return [...stdout.matchAll(/^FC (\w+) (Start|End) RequestId: 1-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{12}$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

export interface FixtureHook {
  handler?: string;
  command?: string[];
  timeout?: number;
}

/** A one-function project: s.yaml (fc3) plus `files` under code/. */
export function writeFixture(props: { runtime: string; handler?: string; timeout?: number; initializer?: FixtureHook; preStop?: FixtureHook; extra?: string }, files: Record<string, string>): string {
  const root = tempDir('fc-run-');
  const hook = (name: string, config?: FixtureHook) =>
    config
      ? `        ${name}:\n` +
        (config.handler !== undefined ? `          handler: ${JSON.stringify(config.handler)}\n` : '') +
        (config.command ? `          command: ${JSON.stringify(config.command)}\n` : '') +
        (config.timeout !== undefined ? `          timeout: ${config.timeout}\n` : '')
      : '';
  const lifecycle = props.initializer || props.preStop ? `      instanceLifecycleConfig:\n${hook('initializer', props.initializer)}${hook('preStop', props.preStop)}` : '';
  writeFileSync(join(root, 's.yaml'), `edition: 3.0.0
name: fixture
access: default
resources:
  fixture_fn:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fixture-fn
      runtime: ${props.runtime}
      code: ./code
      handler: ${props.handler ?? 'index.handler'}
      memorySize: 512
      timeout: ${props.timeout ?? 5}
${props.extra ?? ''}${lifecycle}`);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(root, 'code', path, '..'), { recursive: true });
    writeFileSync(join(root, 'code', path), contents, { mode: 0o755 });
  }
  return root;
}

/**
 * Runs a generated project (its hooks as `answers` switched them) with two invocations and checks what
 * FC would show: the hooks s.yaml switches on around two invocations on one instance (the second sees
 * the resource the first used), and the project left untouched. Returns the output.
 */
export async function expectGeneratedProjectRuns(root: string, answers: { initializer?: unknown; preStop?: unknown }, extraArgs: string[] = []): Promise<RunResult> {
  const before = treeState(root);
  const result = await runCommand([root, '--invocations', '2', ...extraArgs], root);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  expect(markers(result.stdout)).toEqual([
    ...(!('initializer' in answers) ? ['Initialize Start', 'Initialize End'] : []),
    'Invoke Start', 'Invoke End', 'Invoke Start', 'Invoke End',
    ...(!('preStop' in answers) ? ['PreStop Start', 'PreStop End'] : []),
  ]);
  expect(result.stdout).toMatch(/invocation 2\/2 succeeded in [\d.]+ ms: .*"uses": ?2/);
  expect(treeState(root)).toEqual(before);
  return result;
}

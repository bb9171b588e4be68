import { spawn, spawnSync } from 'node:child_process';
import { test } from 'vitest';

export const isCI = Boolean(process.env.CI);

/**
 * Checks that a toolchain command runs. When it does not, registers a test that fails in CI
 * (CI=true: .ci/run must install it) and is skipped with a loud warning elsewhere. Returns whether
 * the tool is there, for `describe.runIf`.
 */
export function useToolchain(command: string, args: string[] = ['--version'], install = command): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ok = result.status === 0;
  if (!ok) {
    const why = `toolchain "${command}" is missing (install: ${install}); the tests that run generated code with it are skipped`;
    if (isCI) {
      test(`toolchain ${command} is installed`, () => {
        throw new Error(why);
      });
    } else {
      console.warn(`\n!!! ${why}\n`);
      test.skip(`toolchain ${command} is installed`, () => {});
    }
  }
  return ok;
}

/** Runs a command and returns its exit status and output; never throws. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options, env: { ...process.env, ...options.env } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/**
 * Runs a command under `script`, so its stdin is a terminal, and types `keys` one chunk every
 * `keyDelayMs`. Resolves with the exit status and everything the terminal showed; killed after
 * `timeoutMs`.
 */
export function runInTerminal(
  command: string[],
  keys: string[],
  options: { cwd: string; keyDelayMs?: number; timeoutMs?: number },
): Promise<{ status: number | null; output: string }> {
  const { cwd, keyDelayMs = 400, timeoutMs = 30_000 } = options;
  return new Promise((resolve) => {
    const line = command.map((arg) => `'${arg}'`).join(' ');
    const child = spawn('script', ['-qefc', line, '/dev/null'], { cwd, env: { ...process.env, TERM: 'dumb' } });
    let output = '';
    let sent = 0;
    const typing = setInterval(() => {
      if (sent < keys.length) child.stdin.write(keys[sent++]!);
    }, keyDelayMs);
    const deadline = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      clearInterval(typing);
      clearTimeout(deadline);
      resolve({ status, output });
    });
  });
}

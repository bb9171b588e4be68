import { spawnSync } from 'node:child_process';
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

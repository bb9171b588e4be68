import { main, type Io } from '../../src/cli/main.ts';

/** Runs the CLI in-process, not on a terminal; returns its exit code and what it printed, stdout and stderr apart. */
export async function runCli(argv: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, cwd };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

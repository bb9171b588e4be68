// A command initializer (GPU functions, spec §1.10): FC runs the command in the instance once it has
// started; exit code 0 is success, anything else fails it and FC does not run it again (seed 001).
// Here it runs with /bin/sh -c in the code directory, with the image's /code mapped to that directory.
import { spawn } from 'node:child_process';
import { killChild, pipeLines } from './child.ts';
import type { CallOutcome, LogSink, RunTarget } from './types.ts';

/** Maps `/code` and `/code/...` (the image's code folder) to the local code directory. */
function mapCodePath(script: string, code: string): string {
  return script.replace(/(^|[\s'"=:])\/code(?=\/|$|[\s'"])/g, (_, before: string) => `${before}${code}`);
}

export async function runCommandInitializer(target: RunTarget, timeoutMs: number, log: LogSink): Promise<CallOutcome> {
  const child = spawn('/bin/sh', ['-c', mapCodePath(target.initializerCommand!, target.resource.code)], { cwd: target.resource.code, env: target.env });
  pipeLines(child.stdout, log);
  pipeLines(child.stderr, log);
  let timer: NodeJS.Timeout | undefined;
  const ended = await new Promise<number | string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => resolve(code ?? `signal ${signal}`));
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  clearTimeout(timer);
  if (ended === 'timeout') await killChild(child);
  if (ended === 0) return { ok: true, instanceAlive: true };
  const why = ended === 'timeout' ? `timed out after ${timeoutMs / 1000} s` : typeof ended === 'number' ? `exited with code ${ended}` : ended;
  return { ok: false, errorMessage: `the initializer command ${why} (FC does not run it again)`, instanceAlive: true };
}

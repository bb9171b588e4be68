// `run` for Go (spec §1.6): builds the code with `go build` into run's own directory (never into the
// project), or takes the binary s.yaml's code and handler name when there is no Go source, then
// starts it with FC_RUNTIME_API pointing at a local runtime API, as FC does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { killChild, pipeLines, readPendingLines, requireTool } from '../../run/child.ts';
import { RunSetupError, type CallOutcome, type Runner, type RunTarget } from '../../run/types.ts';
import { startRuntimeApi } from './runtime-api.ts';

/** The folder with go.mod: the code directory, or its parent when code is the build output (code/target). */
function sourceDir(target: RunTarget): string | undefined {
  return [target.resource.code, dirname(target.resource.code)].find((dir) => existsSync(join(dir, 'go.mod')));
}

const binaryIn = (workDir: string) => join(workDir, 'main');

export const goRunner: Runner = {
  // The code is usually the build output (code/target), which may not be built yet: its source is above it.
  codeDir(_project, resource) {
    const code = resource.code;
    return code !== undefined && !existsSync(code) && existsSync(join(dirname(code), 'go.mod')) ? dirname(code) : undefined;
  },
  async prepare(target, workDir) {
    const source = sourceDir(target);
    if (!source) {
      const built = join(target.resource.code, target.entries.invoke!);
      if (!existsSync(built)) throw new RunSetupError(`no Go source (go.mod) and no built binary ${built}: build it first (go build -o ${built})`);
      return;
    }
    requireTool('go', 'Go (https://go.dev/dl)', ['version']);
    // -mod=readonly: a build that would need go.mod or go.sum changed fails instead of writing them.
    const build = spawnSync('go', ['build', '-mod=readonly', '-o', binaryIn(workDir), '.'], {
      cwd: source,
      env: { ...process.env, CGO_ENABLED: '0' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      const first = `${build.stderr}`.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#')) ?? `exit ${build.status}`;
      throw new RunSetupError(`go build failed in ${source}: ${first.trim()} (run go mod tidy there first)`);
    }
  },
  async start(target, workDir, log) {
    const binary = sourceDir(target) ? binaryIn(workDir) : join(target.resource.code, target.entries.invoke!);
    const api = await startRuntimeApi();
    const child = spawn(binary, [], { cwd: target.resource.code, env: { ...target.env, FC_RUNTIME_API: api.address }, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child.stdout, log);
    pipeLines(child.stderr, log);
    let exited: string | undefined;
    child.on('error', (error) => (exited = error.message));
    child.on('exit', (code, signal) => (exited ??= `the binary exited (${signal ?? `code ${code}`})`));
    const stop = async () => {
      await killChild(child);
      await api.close();
    };
    return {
      async call(kind, context, event, timeoutMs): Promise<CallOutcome> {
        if (exited) return { ok: false, errorMessage: exited, instanceAlive: false };
        let timer: NodeJS.Timeout | undefined;
        const ended = new Promise<'exit'>((resolve) => child.once('exit', () => resolve('exit')));
        const answer = await Promise.race([
          api.send(kind, context, event, timeoutMs),
          new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
          ended,
        ]);
        clearTimeout(timer);
        if (answer === 'timeout') {
          await stop();
          return { ok: false, errorMessage: `timed out after ${timeoutMs / 1000} s`, instanceAlive: false };
        }
        await readPendingLines();
        if (answer === 'exit') return { ok: false, errorMessage: exited ?? 'the binary exited', instanceAlive: false };
        if (answer.ok) return { ok: true, result: answer.body, instanceAlive: true };
        let error: { errorMessage?: string; errorType?: string } = {};
        try {
          error = JSON.parse(answer.body);
        } catch {
          error = { errorMessage: answer.body };
        }
        return { ok: false, errorMessage: error.errorMessage ?? answer.body, errorType: 'UnhandledInvocationError', instanceAlive: true };
      },
      stop,
    };
  },
};

// Plays one FC instance's life (spec §1.1, §5): start, the Initializer (retried once when it fails,
// as FC retries it, on the same instance unless the failure took the instance down), n invocations,
// then PreStop, each under the timeout s.yaml gives it. Every step is recorded for the report.
import { randomBytes } from 'node:crypto';
import { runCommandInitializer } from './command-initializer.ts';
import { functionTimeout, hookTimeout } from './target.ts';
import { InstanceStartError, type CallKind, type CallOutcome, type Instance, type Runner, type RunTarget } from './types.ts';

export interface Step {
  /** `start`: the instance did not come up (recorded only then). */
  kind: CallKind | 'start';
  /** 1, or 2 for the initializer's retry. */
  attempt: number;
  requestId: string;
  durationMs: number;
  ok: boolean;
  result?: string;
  /** The X-Fc-Error-Type FC answers the request with. */
  errorType?: string;
  errorMessage?: string;
  /** The step's own log lines, as the function log shows them between its Start and End lines. */
  logs: string[];
}

export interface Timeline {
  ok: boolean;
  steps: Step[];
}

export interface PlayOptions {
  event: string;
  invocations: number;
  preStop: boolean;
}

/** Hears each step as it starts, each of its log lines, and its end. */
export interface TimelineListener {
  start(step: Step): void;
  line(line: string): void;
  end(step: Step): void;
}

/** An FC-style request id, e.g. 1-6571a2b3-5f1c2d3e-0123456789ab. */
export function requestId(): string {
  const hex = randomBytes(14).toString('hex');
  return `1-${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 28)}`;
}

/** The X-Fc-Error-Type of a failed step: any failed initializer fails the request as InitializationError (spec §5). */
function errorTypeOf(kind: CallKind, outcome: CallOutcome): string | undefined {
  if (outcome.ok) return undefined;
  if (kind === 'initializer') return 'InitializationError';
  if (kind === 'invoke') return outcome.errorType ?? 'UnhandledInvocationError';
  return undefined;
}

export async function playInstance(target: RunTarget, runner: Runner, workDir: string, options: PlayOptions, listener: TimelineListener): Promise<Timeline> {
  const steps: Step[] = [];
  let logs: string[] = [];
  let currentId = '';
  const log = (line: string) => {
    // The Go SDK and many custom servers print FC's Start/End lines themselves: run prints its own.
    const marker = /^FC (Initialize|Invoke|PreStop) (Start|End) RequestId: (\S+?)(,|$)/.exec(line);
    if (marker && marker[3] === currentId) return;
    logs.push(line);
    listener.line(line);
  };
  let instance: Instance | undefined;
  /** Starts an instance; false (and a `start` step) when it does not come up, as FC's FunctionNotStarted. */
  const startInstance = async () => {
    logs = [];
    const started = performance.now();
    try {
      instance = await runner.start(target, workDir, log);
      return true;
    } catch (error) {
      if (!(error instanceof InstanceStartError)) throw error;
      const durationMs = Math.round(performance.now() - started);
      const failed: Step = { kind: 'start', attempt: 1, requestId: '', durationMs, ok: false, errorType: 'FunctionNotStarted', errorMessage: error.message, logs };
      steps.push(failed);
      listener.end(failed);
      return false;
    }
  };

  const step = async (kind: CallKind, attempt: number, call: (id: string) => Promise<CallOutcome>) => {
    logs = [];
    const current: Step = { kind, attempt, requestId: requestId(), durationMs: 0, ok: false, logs };
    currentId = current.requestId;
    listener.start(current);
    const started = performance.now();
    const outcome = await call(current.requestId);
    Object.assign(current, {
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ok: outcome.ok,
      ...(outcome.result !== undefined && { result: outcome.result }),
      ...(errorTypeOf(kind, outcome) && { errorType: errorTypeOf(kind, outcome) }),
      ...(outcome.errorMessage !== undefined && { errorMessage: outcome.errorMessage }),
    });
    listener.end(current);
    steps.push(current);
    logs = [];
    return outcome;
  };
  const callInstance = (kind: CallKind, timeoutS: number, id: string) =>
    instance!.call(kind, { requestId: id, ...target.context }, kind === 'invoke' ? options.event : '', timeoutS * 1000);

  try {
    if (!(await startInstance())) return { ok: false, steps };
    const hasInitializer = target.entries.initializer !== undefined || target.initializerCommand !== undefined;
    if (hasInitializer) {
      const timeoutS = hookTimeout(target.resource, 'initializer');
      const initialize = (id: string) =>
        target.initializerCommand !== undefined ? runCommandInitializer(target, timeoutS * 1000, log) : callInstance('initializer', timeoutS, id);
      let outcome = await step('initializer', 1, initialize);
      // A command initializer is not run again (seed 001); a handler initializer is retried.
      if (!outcome.ok && target.initializerCommand === undefined) {
        if (!outcome.instanceAlive) {
          await instance!.stop();
          if (!(await startInstance())) return { ok: false, steps };
        }
        outcome = await step('initializer', 2, initialize);
      }
      if (!outcome.ok) return { ok: false, steps };
    }
    const timeoutS = functionTimeout(target.resource);
    for (let n = 0; n < options.invocations; n++) {
      const outcome = await step('invoke', 1, (id) => callInstance('invoke', timeoutS, id));
      if (!outcome.instanceAlive) return { ok: false, steps };
    }
    if (options.preStop && target.entries.preStop !== undefined) {
      const preStopTimeout = hookTimeout(target.resource, 'preStop');
      await step('preStop', 1, (id) => callInstance('preStop', preStopTimeout, id));
    }
    // A first initializer failure that its retry made good fails nothing: FC then serves the request.
    const retried = steps.some((done) => done.kind === 'initializer' && done.attempt === 2 && done.ok);
    return { ok: steps.every((done) => done.ok || (retried && done.kind === 'initializer')), steps };
  } finally {
    await instance?.stop();
  }
}

// A language child process that hosts one instance (Node.js, Python, PHP, Java): the bootstrap reads
// one JSON call a line on stdin and answers one JSON line on file descriptor 3, so everything the
// function prints on stdout and stderr stays its own log lines.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CallKind, CallOutcome, FcContext, Instance, LogSink } from './types.ts';
import { InstanceStartError, RunSetupError } from './types.ts';

/** The line a bootstrap prints on stdout and stderr after each call. */
const END_MARK = '\u0000fc-run-end';
/**
 * A bootstrap that cannot open fd 3 (the JVM cannot open a socket by number) prints its answer on stdout
 * after this prefix instead, in place of its stdout END_MARK.
 */
const ANSWER_PREFIX = '\u0000fc-run-answer ';

/** How long a bootstrap may take to be ready (a JVM compiling its source file takes about a second). */
const START_TIMEOUT_MS = 60_000;

/** What a bootstrap answers for one call. */
interface Answer {
  ok: boolean;
  result?: string;
  errorType?: string;
  errorMessage?: string;
}

/** Whether `command --version` (or `args`) runs and succeeds. */
export function hasTool(command: string, args = ['--version']): boolean {
  const probe = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return !probe.error && probe.status === 0;
}

/** Throws RunSetupError naming `install` when `command --version` (or `args`) does not run. */
export function requireTool(command: string, install: string, args = ['--version']): void {
  if (!hasTool(command, args)) throw new RunSetupError(missingToolMessage(command, install));
}

function missingToolMessage(command: string, install: string): string {
  return `${command} is not installed or not on PATH: install ${install}`;
}

/** Passes a stream's lines to the log as they come. */
export function pipeLines(stream: NodeJS.ReadableStream | null, log: LogSink): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', log);
}

/**
 * Waits one short turn of the event loop: lines a server printed before it answered are in its pipes
 * by then, and reading them first shows them before the call's End line.
 */
export function readPendingLines(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/** Kills a child and waits for it to be gone. */
export async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/**
 * Starts `command` as a bootstrap child in `cwd` and returns the instance it hosts. With `install`, a
 * program that cannot be started because it is not there is RunSetupError naming what to install: the
 * start itself is the check, rather than a `--version` process before it (a whole Node start, about
 * 50 ms of every `run`).
 */
export async function startBootstrap(
  command: string[],
  options: { cwd: string; env: Record<string, string>; entries: Partial<Record<CallKind, string>>; install?: string },
  log: LogSink,
): Promise<Instance> {
  const [program, ...args] = command;
  const child = spawn(program!, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const answers: Answer[] = [];
  let waiting: ((answer: Answer | undefined) => void) | undefined;
  let exited: string | undefined;
  // A call is answered once its JSON line and both end marks have come.
  let pending: { answer?: Answer; marks: number } = { marks: 0 };
  const settle = () => {
    if (!pending.answer || pending.marks < 2) return;
    const { answer } = pending;
    pending = { marks: 0 };
    if (waiting) waiting(answer);
    else answers.push(answer);
  };
  const takeAnswer = (line: string) => {
    try {
      pending.answer = JSON.parse(line) as Answer;
    } catch {
      pending.answer = { ok: false, errorMessage: `the bootstrap answered ${line.slice(0, 200)}` };
    }
  };
  const logUntilMark = (line: string) => {
    if (line.startsWith(ANSWER_PREFIX)) takeAnswer(line.slice(ANSWER_PREFIX.length));
    else if (line !== END_MARK) return log(line);
    pending.marks += 1;
    settle();
  };
  pipeLines(child.stdout, logUntilMark);
  pipeLines(child.stderr, logUntilMark);
  createInterface({ input: child.stdio[3] as NodeJS.ReadableStream, crlfDelay: Infinity }).on('line', (line) => {
    takeAnswer(line);
    settle();
  });
  let spawnError: NodeJS.ErrnoException | undefined;
  child.on('error', (error) => {
    spawnError = error;
    exited = error.message;
    waiting?.(undefined);
  });
  child.on('exit', (code, signal) => {
    exited ??= `the process exited (${signal ?? `code ${code}`})`;
    // Lets the fd 3 reader deliver an answer written just before the exit.
    setImmediate(() => waiting?.(undefined));
  });
  child.stdin.on('error', () => {});

  /** The next answer, 'timeout' after timeoutMs, or undefined when the process ended. */
  const nextAnswer = async (timeoutMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await new Promise<Answer | 'timeout' | undefined>((resolve) => {
      const queued = answers.shift();
      if (queued) return resolve(queued);
      if (exited) return resolve(undefined);
      waiting = resolve;
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    waiting = undefined;
    clearTimeout(timer);
    return answer;
  };

  // A bootstrap answers once before the first call, when it is ready: start-up (a JVM's) is not a hook's time.
  const ready = await nextAnswer(START_TIMEOUT_MS);
  if (ready === 'timeout' || !ready) {
    await killChild(child);
    // ENOENT is also a missing cwd: only a program that does not run is a missing toolchain.
    if (options.install !== undefined && spawnError?.code === 'ENOENT' && !hasTool(program!)) throw new RunSetupError(missingToolMessage(program!, options.install));
    throw new InstanceStartError(ready ? `the ${program} bootstrap was not ready within ${START_TIMEOUT_MS / 1000} s` : `${exited ?? 'the process ended'} before it was ready`);
  }
  return {
    async call(kind: CallKind, context: FcContext, event: string, timeoutMs: number): Promise<CallOutcome> {
      if (exited) return { ok: false, errorMessage: exited, instanceAlive: false };
      child.stdin.write(`${JSON.stringify({ kind, entry: options.entries[kind], context, event })}\n`);
      const answer = await nextAnswer(timeoutMs);
      if (answer === 'timeout') {
        await killChild(child);
        return { ok: false, errorMessage: `timed out after ${timeoutMs / 1000} s`, instanceAlive: false };
      }
      if (!answer) return { ok: false, errorMessage: exited ?? 'the process ended', instanceAlive: false };
      return { ...answer, instanceAlive: true };
    },
    async stop() {
      child.stdin.end();
      await killChild(child);
    },
  };
}

// One instance of a custom runtime or custom container (spec §1.8, §1.9): FC starts the server with
// FC_CUSTOM_LISTEN_PORT, waits until it listens on 0.0.0.0:<port>, then sends POST /initialize,
// POST /invoke and GET /pre-stop with its x-fc-* headers. Status codes mean what seed 001 says:
// 2xx success; the initializer's 400/404 are retried on the same instance; 500 restarts the instance.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { request } from 'node:http';
import { killChild, pipeLines, readPendingLines } from './child.ts';
import { fcContextHeaders } from './fc-headers.ts';
import { accepts, listeningSockets, socketInodes } from './listen.ts';
import type { CallKind, CallOutcome, FcContext, Instance, LogSink, Runner, RunTarget } from './types.ts';
import { InstanceStartError, RunSetupError } from './types.ts';

/** How long FC waits for a new instance's server to listen [I]: the doc gives no figure; 30 s locally. */
const START_TIMEOUT_MS = 30_000;

const ROUTES: Record<CallKind, { method: string; path: string }> = {
  initializer: { method: 'POST', path: '/initialize' },
  invoke: { method: 'POST', path: '/invoke' },
  preStop: { method: 'GET', path: '/pre-stop' },
};

/** FC's headers for a call to the server: the context's, the route it calls, the instance. */
function fcHeaders(target: RunTarget, context: FcContext, kind: CallKind): Record<string, string> {
  return { ...fcContextHeaders(context), 'x-fc-control-path': ROUTES[kind].path, 'x-fc-instance-id': target.env.FC_INSTANCE_ID! };
}

/** Resolves with the status and body, or 'timeout' / an error message. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<{ status: number; body: string } | string>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-type': 'application/octet-stream' }, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', (error) => resolve(error.message));
    req.end(method === 'GET' ? undefined : body);
  });
}

/** The server's listening state: ready, or why FC could not reach it. */
async function listenState(pid: number, port: number): Promise<'ready' | 'waiting' | string> {
  const sockets = listeningSockets();
  if (!sockets) return (await accepts(port)) ? 'ready' : 'waiting';
  const own = socketInodes(pid);
  const mine = sockets.filter((socket) => own.has(socket.inode));
  if (mine.some((socket) => socket.port === port && (socket.address === '0.0.0.0' || socket.address === '::'))) return 'ready';
  const loopback = mine.find((socket) => socket.port === port);
  if (loopback) return `the server listens on ${loopback.address}:${port}; FC reaches it only on 0.0.0.0:${port} (bind 0.0.0.0)`;
  const other = mine.find((socket) => socket.port !== port);
  if (other) return `the server listens on port ${other.port}, not on FC_CUSTOM_LISTEN_PORT ${port} (read the port from FC_CUSTOM_LISTEN_PORT)`;
  return 'waiting';
}

/** Maps the image's and the runtime's code folder `/code` in a start command to the local code directory. */
export function mapCode(command: string[], code: string): string[] {
  return command.map((part) => part.replace(/^\/code(?=\/|$)/, code));
}

/** Throws RunSetupError when the start command's program is not there (`from` says where it comes from). */
export function requireProgram(command: string[], env: Record<string, string>, from: string): void {
  const [program] = command;
  if (!program) throw new RunSetupError(`${from} is empty: name the command that starts the server`);
  const candidates = program.includes('/') ? [program] : (env.PATH ?? '').split(':').map((dir) => `${dir}/${program}`);
  if (!candidates.some((path) => isExecutable(path))) throw new RunSetupError(`${program} (${from}) is not installed or not on PATH: install it to run the server locally`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function startServer(command: string[], target: RunTarget, log: LogSink): Promise<Instance> {
  const { port } = target;
  if ((listeningSockets() ?? []).some((socket) => socket.port === port) || (await accepts(port))) {
    throw new RunSetupError(`port ${port} is already in use on this machine: stop what listens there or pass --port`);
  }
  const [program, ...args] = command;
  const child = spawn(program!, args, { cwd: target.resource.code, env: target.env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeLines(child.stdout, log);
  pipeLines(child.stderr, log);
  let exited: string | undefined;
  child.on('error', (error) => (exited = error.message));
  child.on('exit', (code, signal) => (exited ??= `the server exited (${signal ?? `code ${code}`})`));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (exited) throw new InstanceStartError(`${exited} before listening on 0.0.0.0:${port}`);
    const state = await listenState(child.pid!, port);
    if (state === 'ready') break;
    if (state !== 'waiting' || Date.now() > deadline) {
      await killChild(child);
      throw new InstanceStartError(state === 'waiting' ? `the server did not listen on 0.0.0.0:${port} within ${START_TIMEOUT_MS / 1000} s` : state);
    }
  }
  return {
    async call(kind, context, event, timeoutMs): Promise<CallOutcome> {
      if (exited) return { ok: false, errorMessage: exited, instanceAlive: false };
      const { method, path } = ROUTES[kind];
      const answer = await send(port, method, path, fcHeaders(target, context, kind), event, timeoutMs);
      await readPendingLines();
      if (answer === 'timeout') {
        await killChild(child);
        return { ok: false, errorMessage: `timed out after ${timeoutMs / 1000} s`, instanceAlive: false };
      }
      if (typeof answer === 'string') return { ok: false, errorMessage: `${method} ${path}: ${answer}`, instanceAlive: !exited };
      if (answer.status >= 200 && answer.status < 300) return { ok: true, result: answer.body, instanceAlive: true };
      const status = `${method} ${path} answered ${answer.status}`;
      if (answer.status === 400 || answer.status === 404) {
        const meaning = kind === 'initializer' ? 'FC retries the initializer on this instance' : kind === 'preStop' ? 'FC stops the instance anyway' : 'the request fails';
        return { ok: false, errorMessage: `${status} (${meaning})`, instanceAlive: true };
      }
      if (answer.status >= 500) return { ok: false, errorMessage: `${status} (FC restarts the instance)`, instanceAlive: false };
      return { ok: false, errorMessage: status, instanceAlive: true };
    },
    async stop() {
      await killChild(child);
    },
  };
}

/** The runner of a family whose instance is an HTTP server started by `startCommand`. */
export function serverRunner(startCommand: (target: RunTarget) => { command: string[]; from: string }): Runner {
  return {
    async prepare(target) {
      const { command, from } = startCommand(target);
      requireProgram(command, target.env, from);
    },
    async start(target, _workDir, log) {
      return startServer(startCommand(target).command, target, log);
    },
  };
}

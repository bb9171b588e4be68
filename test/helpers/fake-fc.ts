// Plays Function Compute for one instance of a custom runtime or custom container: starts the
// generated server with the command FC would run, on a free loopback port given in
// FC_CUSTOM_LISTEN_PORT, and sends the lifecycle calls and requests with the headers FC sends
// (spec §1.8). Everything stays on 127.0.0.1, every call has a timeout, and stop() always kills.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { run } from './toolchain.ts';

/** A python3 with Flask: Debian's /usr/bin/python3 (apt-get install python3-flask) first, else the one on PATH. */
export const FLASK_PYTHON = ['/usr/bin/python3', 'python3'].find((python) => run(python, ['-c', 'import flask']).status === 0) ?? '/usr/bin/python3';

/** The local executable for the interpreter an FC start command names. */
export function localCommand(command: string[]): string[] {
  const [program, ...args] = command;
  const local: Record<string, string> = { python3: FLASK_PYTHON, node: process.execPath };
  if (!program || !local[program]) throw new Error(`no local interpreter for start command ${JSON.stringify(command)}`);
  return [local[program]!, ...args];
}

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The common request headers FC sends with every request and hook call (FC3 custom-runtime docs). */
export function fcHeaders(requestId: string, controlPath: string, functionName: string): Record<string, string> {
  return {
    'x-fc-request-id': requestId,
    'x-fc-control-path': controlPath,
    'x-fc-access-key-id': 'test-id',
    'x-fc-access-key-secret': 'test-secret',
    'x-fc-security-token': 'test-token',
    'x-fc-function-name': functionName,
    'x-fc-function-handler': 'index.handler',
    'x-fc-function-memory': '512',
    'x-fc-region': 'cn-hangzhou',
    'x-fc-account-id': '1234567890',
    'x-fc-qualifier': 'LATEST',
  };
}

export interface Reply {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/** Whether a TCP listener on `port` is bound to 0.0.0.0 (FC needs that; 127.0.0.1 gives FunctionNotStarted). */
export function listensOnAllInterfaces(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  // /proc/net/tcp: "sl local_address rem_address st ..."; st 0A = LISTEN.
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .some((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return local === `00000000:${hex}` && state === '0A';
    });
}

export class FakeFcInstance {
  logs = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly functionName: string,
  ) {
    child.stdout!.on('data', (chunk) => (this.logs += chunk));
    child.stderr!.on('data', (chunk) => (this.logs += chunk));
  }

  /**
   * Starts `command` (as FC would: the interpreter mapped by localCommand) in `cwd` and waits until the
   * port accepts connections. `portVariable` is the environment variable that carries the port.
   */
  static async start(options: {
    command: string[];
    cwd: string;
    functionName?: string;
    env?: Record<string, string>;
    portVariable?: 'FC_CUSTOM_LISTEN_PORT' | 'FC_SERVER_PORT';
  }): Promise<FakeFcInstance> {
    const port = await freePort();
    const [program, ...args] = localCommand(options.command);
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, [options.portVariable ?? 'FC_CUSTOM_LISTEN_PORT']: String(port) };
    if (options.portVariable === 'FC_SERVER_PORT') delete env.FC_CUSTOM_LISTEN_PORT;
    const child = spawn(program!, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const instance = new FakeFcInstance(child, port, options.functionName ?? 'my-fn');
    const deadline = Date.now() + 20_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await instance.stop();
        throw new Error(`the server did not start on port ${port}:\n${instance.logs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return instance;
  }

  async call(method: string, path: string, requestId: string, controlPath: string, body?: string): Promise<Reply> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      body,
      headers: fcHeaders(requestId, controlPath, this.functionName),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  initialize(requestId: string): Promise<Reply> {
    return this.call('POST', '/initialize', requestId, '/initialize');
  }

  /** An event invocation: POST /invoke with the event as the body. */
  invokeEvent(requestId: string, event: unknown): Promise<Reply> {
    return this.call('POST', '/invoke', requestId, '/invoke', JSON.stringify(event));
  }

  /** An HTTP-trigger invocation: the request's own method and path. */
  invokeHttp(requestId: string, method: string, path: string): Promise<Reply> {
    return this.call(method, path, requestId, '/http-invoke');
  }

  preStop(requestId: string): Promise<Reply> {
    return this.call('GET', '/pre-stop', requestId, '/pre-stop');
  }

  /** Kills the server (if it still runs) and returns everything it logged. */
  async stop(): Promise<string> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    return this.logs;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Which hooks s.yaml configures, i.e. which calls FC makes. */
export interface Hooks {
  initializer: boolean;
  preStop: boolean;
}

export function hooksOf(answers: { initializer?: unknown; preStop?: unknown }): Hooks {
  return { initializer: answers.initializer !== false, preStop: answers.preStop !== false };
}

/**
 * FC's part for one instance, then the checks: the initializer (sent twice: a retry must keep the
 * first run's state), an event request and an HTTP request that both see the initialized state,
 * the preStop hook, and the FC log lines with the request ids.
 */
export async function expectOneInstance(instance: FakeFcInstance, hooks: Hooks, expect: typeof import('vitest').expect): Promise<void> {
  const replies: Reply[] = [];
  let event: Reply;
  let http: Reply;
  try {
    if (hooks.initializer) replies.push(await instance.initialize('init-1'), await instance.initialize('init-2'));
    event = await instance.invokeEvent('req-1', { key: 'value' });
    http = await instance.invokeHttp('req-2', 'GET', '/orders/42?verbose=1');
    replies.push(event, http);
    if (hooks.preStop) replies.push(await instance.preStop('stop-1'));
  } finally {
    await instance.stop();
  }
  const { logs } = instance;

  expect(replies.map((reply) => reply.status), logs).toEqual(replies.map(() => 200));
  const createdBy = (reply: Reply) => reply.json.resource.created_by ?? reply.json.resource.createdBy;
  expect(createdBy(event), 'the requests see what the initializer set up').toBe(hooks.initializer ? 'init-1' : 'req-1');
  expect(http.json.resource.id).toBe(event.json.resource.id);
  expect([event.json.resource.uses, http.json.resource.uses]).toEqual([1, 2]);
  expect([event.json.path, http.json.path]).toEqual(['/invoke', '/orders/42']);
  expect(event.json.bytes).toBe(JSON.stringify({ key: 'value' }).length);

  const order = (line: string) => logs.indexOf(line);
  if (hooks.initializer) {
    expect(logs).toContain('FC Initialize Start RequestId: init-1\n');
    expect(logs).toContain('FC Initialize End RequestId: init-1\n');
    expect(logs).toContain('FC Initialize End RequestId: init-2\n');
    expect(order('FC Initialize Start RequestId: init-1')).toBeLessThan(order('FC Initialize End RequestId: init-1'));
    expect(logs, 'the initializer created the resource, not a request').not.toContain(' lazily: ');
  } else {
    expect(logs).not.toContain('FC Initialize');
    expect(logs.split(`created ${event.json.resource.id} lazily: `), 'the first request created the resource, once').toHaveLength(2);
  }
  if (hooks.preStop) {
    expect(logs).toContain('FC PreStop Start RequestId: stop-1\n');
    expect(logs).toContain('FC PreStop End RequestId: stop-1\n');
    expect(logs).toContain(`released ${event.json.resource.id} after 2 request(s)`);
    expect(order('FC PreStop Start RequestId: stop-1')).toBeGreaterThan(order('RequestId: req-2'));
  }
}

/**
 * A failing initializer: SETTINGS_FILE names a file that does not exist yet, so POST /initialize fails
 * (500, error logged) and a request, which never waits for the initializer but sets the resource up
 * itself, fails the same way; once the file exists, the next POST /initialize succeeds and the requests
 * see the loaded settings.
 */
export async function expectFailedInitializerRecovers(
  start: (env: Record<string, string>) => Promise<FakeFcInstance>,
  settingsFile: string,
  writeSettings: () => void,
  expect: typeof import('vitest').expect,
): Promise<void> {
  const instance = await start({ SETTINGS_FILE: settingsFile });
  try {
    const failed = await instance.initialize('init-1');
    expect(failed.status).toBe(500);
    expect(failed.json.errorMessage).toContain(settingsFile);
    const failedRequest = await instance.invokeEvent('req-1', {});
    expect(failedRequest.status).toBe(500);
    expect(failedRequest.json.errorMessage).toContain(settingsFile);

    writeSettings();
    const retried = await instance.initialize('init-2');
    expect(retried.status).toBe(200);
    const served = await instance.invokeEvent('req-2', {});
    expect(served.status).toBe(200);
    expect(served.json.resource.settings).toEqual({ model: 'tiny' });
    expect(served.json.resource.uses).toBe(1);
  } finally {
    await instance.stop();
  }
  expect(instance.logs).toContain('FC Initialize Start RequestId: init-1\n');
  expect(instance.logs).toMatch(/FC Initialize End RequestId: init-1, Error: .*settings\.json/);
  expect(instance.logs).toContain('FC Initialize End RequestId: init-2\n');
}

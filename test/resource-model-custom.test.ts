// Issue 9 for the custom runtimes and custom containers: whatever s.yaml's initializer says now (switched
// off by `remove`, never generated, added back by `add`, or a GPU command that never calls the server),
// the server started exactly as s.yaml (customRuntimeConfig.command) or code/Dockerfile (CMD) says
// answers every request: the first one creates the resource (logged once, "lazily"), the next reuses it.
// FC is played from the s.yaml on disk; the generated lifecycle test must pass in every state too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose } from '../src/doctor/index.ts';
import type { Answers } from '../src/spec.ts';
import { FakeFcInstance, FLASK_PYTHON, type Reply } from './helpers/fake-fc.ts';
import { generateProject } from './helpers/generate.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasFlask = useToolchain(FLASK_PYTHON, ['-c', 'import flask'], 'apt-get install -y python3-flask');

const GPU = { runtime: 'custom-container', gpu: 'fc.gpu.tesla.1' } as const;
const VARIANTS: { name: string; answers: Answers; flask: boolean }[] = [
  { name: 'custom.debian10 (Flask)', answers: { runtime: 'custom.debian10' }, flask: true },
  { name: 'custom.debian10 --server node', answers: { runtime: 'custom.debian10', server: 'node' }, flask: false },
  { name: 'custom-container', answers: { runtime: 'custom-container' }, flask: true },
  { name: 'custom-container GPU --initializer-command "echo warm-up done"', answers: { ...GPU, initializerCommand: 'echo warm-up done' }, flask: true },
];

async function cli(args: string[], cwd: string) {
  let out = '';
  const io: Io = { stdout: (text) => (out += text), stderr: (text) => (out += text), interactive: false, cwd };
  const status = await main(args, io);
  expect(status, out).toBe(0);
}

/** The states of issue 9: each leaves an s.yaml whose initializer FC does not call over HTTP, or calls again after `add`. */
const STATES: { name: string; prepare(answers: Answers): Promise<string> }[] = [
  {
    name: 'generated, then `remove --initializer`',
    async prepare(answers) {
      const { root } = await generateProject(answers);
      await cli(['remove', '.', '--initializer', '--yes'], root);
      return root;
    },
  },
  {
    name: 'generated with --no-initializer',
    async prepare(answers) {
      return (await generateProject(withoutInitializer(answers))).root;
    },
  },
  {
    name: '--no-initializer, then `add --initializer true`',
    async prepare(answers) {
      const { root } = await generateProject(withoutInitializer(answers));
      await cli(['add', '.', '--initializer', 'true', '--yes'], root);
      return root;
    },
  },
];

function withoutInitializer({ initializerCommand: _command, ...answers }: Answers): Answers {
  return { ...answers, initializer: false };
}

interface Lifecycle {
  handler?: string;
  command?: string[];
}

function sYamlOf(root: string) {
  const props = (Object.values(parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources)[0] as { props: Record<string, any> }).props;
  const hooks = (props.instanceLifecycleConfig ?? {}) as { initializer?: Lifecycle; preStop?: Lifecycle };
  return { props, initializer: hooks.initializer ?? {}, preStop: hooks.preStop ?? {} };
}

/** The server's start command: customRuntimeConfig.command of s.yaml, or the CMD of code/Dockerfile. */
function startCommand(root: string): string[] {
  const { props } = sYamlOf(root);
  if (props.customRuntimeConfig) return props.customRuntimeConfig.command;
  const cmd = readFileSync(join(root, 'code', 'Dockerfile'), 'utf8').split('\n').find((line) => line.startsWith('CMD '))!;
  return JSON.parse(cmd.slice(4));
}

const start = (root: string) => FakeFcInstance.start({ command: startCommand(root), cwd: join(root, 'code') });

/** Two requests: both 200, one resource created by the first, reused by the second. */
async function expectRequestsShareOneResource(instance: FakeFcInstance): Promise<Reply[]> {
  const replies = [await instance.invokeEvent('req-1', { key: 'value' }), await instance.invokeHttp('req-2', 'GET', '/orders/42')];
  expect(replies.map((reply) => reply.status), instance.logs).toEqual([200, 200]);
  const [first, second] = replies.map((reply) => reply.json.resource);
  expect(second.id, 'both requests share one resource').toBe(first.id);
  expect([first.uses, second.uses]).toEqual([1, 2]);
  return replies;
}

/**
 * One instance as FC runs it for this s.yaml: POST /initialize only when the initializer has a handler
 * (twice: a rerun must reuse the resource), its command (in code/, the image's WORKDIR) when it is one,
 * two requests, GET /pre-stop when preStop has a handler.
 */
async function playInstanceAsSYamlSays(root: string) {
  const { initializer, preStop } = sYamlOf(root);
  const instance = await start(root);
  let replies: Reply[];
  try {
    if (initializer.handler) {
      expect((await instance.initialize('init-1')).status).toBe(200);
      expect((await instance.initialize('init-2')).status).toBe(200);
    } else if (initializer.command?.length) {
      const output = execFileSync(initializer.command[0]!, initializer.command.slice(1), {
        cwd: join(root, 'code'),
        env: { ...process.env, FC_CUSTOM_LISTEN_PORT: String(instance.port) },
        encoding: 'utf8',
      });
      expect(output).toBe('warm-up done\n');
    }
    replies = await expectRequestsShareOneResource(instance);
    if (preStop.handler) expect((await instance.preStop('stop-1')).status).toBe(200);
  } finally {
    await instance.stop();
  }
  const resource = replies[0]!.json.resource;
  const createdBy = resource.created_by ?? resource.createdBy;
  const lazyLines = instance.logs.split(`created ${resource.id} lazily: `).length - 1;
  if (initializer.handler) {
    expect(createdBy, 'the initializer created the resource').toBe('init-1');
    expect(lazyLines).toBe(0);
  } else {
    expect(instance.logs).not.toContain('FC Initialize');
    expect(createdBy, 'the first request created the resource').toBe('req-1');
    expect(lazyLines, 'the lazy creation is logged once').toBe(1);
  }
  if (preStop.handler) expect(instance.logs).toContain(`released ${resource.id} after 2 request(s)`);
}

function runGeneratedTest(root: string, flask: boolean) {
  const result = flask
    ? run(FLASK_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root })
    : run(process.execPath, ['--test', 'test/lifecycle.test.mjs'], { cwd: root });
  expect(result.status, result.output).toBe(0);
  expect(result.output).toMatch(flask ? /^OK( \(skipped=1\))?$/m : /# pass 2\n# fail 0/);
  return result.output;
}

describe.each(VARIANTS)('$name', ({ answers, flask }) => {
  test.runIf(!flask || hasFlask).each(STATES)('$name: FC plays the instance s.yaml describes; requests never need POST /initialize', async ({ name, prepare }) => {
    const root = await prepare(answers);
    const { initializer } = sYamlOf(root);
    expect(Boolean(initializer.handler), 's.yaml calls the initializer over HTTP only after `add`').toBe(name.includes('add --initializer'));
    expect(initializer.command ?? [], 'the command is off').toEqual([]);
    await playInstanceAsSYamlSays(root);
    // An instance on which no initializer ran at all (e.g. the hook was switched off after deploying).
    const instance = await start(root);
    try {
      await expectRequestsShareOneResource(instance);
    } finally {
      await instance.stop();
    }
    runGeneratedTest(root, flask);
    expect((await diagnose(root)).findings, 'doctor is clean').toEqual([]);
  });
});

test.runIf(hasFlask)('GPU, --initializer-command "echo warm-up done" as generated: FC runs the command, never POST /initialize; requests work', async () => {
  const { root } = await generateProject({ ...GPU, initializerCommand: 'echo warm-up done' });
  expect(sYamlOf(root).initializer).toEqual({ command: ['/bin/sh', '-c', 'echo warm-up done'], timeout: 60 });
  await playInstanceAsSYamlSays(root);
  const output = runGeneratedTest(root, true);
  expect(output).not.toMatch(/skipped/);
  expect((await diagnose(root)).findings, 'doctor is clean').toEqual([]);
});

test.runIf(hasFlask)('GPU, the default /code/warm-up.sh: the generated lifecycle test runs it (or says why it cannot) and passes', async () => {
  const { root } = await generateProject({ ...GPU, initializerCommand: '/code/warm-up.sh' });
  const output = runGeneratedTest(root, true);
  const hasCurl = run('sh', ['-c', 'command -v curl']).status === 0;
  expect(output).toMatch(hasCurl ? /test_one_instance_as_s_yaml_configures_it \S+ \.\.\. ok/ : /skipped .*exit 127/);
});

test.runIf(hasFlask)('GPU, a command this machine cannot run: the generated lifecycle test skips that instance with a plain message, never POSTs /initialize itself', async () => {
  const { root } = await generateProject({ ...GPU, initializerCommand: 'fc-lifecycle-no-such-tool --warm' });
  const output = runGeneratedTest(root, true);
  expect(output).toMatch(/skipped 'the initializer command \/bin\/sh -c fc-lifecycle-no-such-tool --warm cannot run here \(exit 127: a program it needs is missing\)'/);
  expect(output, 'the instance without initializer still runs').toMatch(/^Ran 2 tests in .*\n\nOK \(skipped=1\)$/m);
});

// Flask runs requests in threads (instanceConcurrency > 1): get_resource's lock makes the first ones
// that arrive together create one resource between them.
test.each([
  ...(hasFlask ? [{ name: 'Flask', answers: { runtime: 'custom.debian10', initializer: false } as Answers }] : []),
  { name: 'node', answers: { runtime: 'custom.debian10', server: 'node', initializer: false } as Answers },
])('$name: ten concurrent first requests share one resource, created once', async ({ answers }) => {
  const { root } = await generateProject(answers);
  const instance = await start(root);
  let replies: Reply[];
  try {
    replies = await Promise.all(Array.from({ length: 10 }, (_, i) => instance.invokeEvent(`req-${i}`, {})));
  } finally {
    await instance.stop();
  }
  expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 200));
  expect(new Set(replies.map((reply) => reply.json.resource.id)).size).toBe(1);
  expect(replies.map((reply) => reply.json.resource.uses).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(instance.logs.split(' lazily: ')).toHaveLength(2);
});

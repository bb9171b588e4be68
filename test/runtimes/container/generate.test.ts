// Custom container (custom-container), with and without a GPU: docker is not needed, the app is run
// directly with the command of the Dockerfile's CMD (python3 = FLASK_PYTHON: Debian's /usr/bin/python3
// with python3-flask when it has Flask), and the warm-up script of the command-type initializer is run
// with sh, against the real app and against a tiny local server.
import { execFile, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { GPU_TYPES } from '../../../src/runtimes/container/gpu.ts';
import { resolveSpec } from '../../../src/runtimes/generators.ts';
import type { Answers } from '../../../src/spec.ts';
import { fc3SchemaErrors } from '../../helpers/fc3-schema.ts';
import {
  expectFailedInitializerRecovers,
  expectOneInstance,
  FakeFcInstance,
  FLASK_PYTHON,
  freePort,
  hooksOf,
  listensOnAllInterfaces,
} from '../../helpers/fake-fc.ts';
import type { FilePlan } from '../../../src/plan.ts';
import { generateProject, HOOK_COMBINATIONS, planFor, planText, specErrorOf, tempDir } from '../../helpers/generate.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasFlask = useToolchain(FLASK_PYTHON, ['-c', 'import flask'], 'apt-get install -y python3-flask');
const hasCurl = useToolchain('curl', ['--version'], 'apt-get install -y curl');

const RUNTIME = 'custom-container';
const GPU = { runtime: RUNTIME, gpu: 'fc.gpu.ampere.1', gpuMemorySize: '8192' } as const;
const COMMAND = { ...GPU, initializerCommand: '/code/warm-up.sh' } as const;

const fileOf = (plan: FilePlan, path: string) => plan.files.find((file) => file.path === path);
const sYamlText = (plan: FilePlan) => fileOf(plan, 's.yaml')!.contents;
const resourceOf = (plan: FilePlan) => Object.values(parse(sYamlText(plan)).resources)[0] as { actions?: Record<string, any>; props: Record<string, any> };

/** The Dockerfile's CMD (exec form), which is what FC runs in the container. */
function dockerCmd(plan: FilePlan): string[] {
  const line = fileOf(plan, 'code/Dockerfile')!.contents.split('\n').find((l) => l.startsWith('CMD '))!;
  return JSON.parse(line.slice(4));
}

/** Starts the app as the image would (CMD, in the WORKDIR that holds code/). */
function startApp(root: string, plan: FilePlan, env: Record<string, string> = {}) {
  return FakeFcInstance.start({ command: dockerCmd(plan), cwd: join(root, 'code'), env });
}

/** Runs the warm-up script with sh, as `/bin/sh -c /code/warm-up.sh` would, with the app's port. */
async function warmUp(root: string, port: number): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', [join(root, 'code', 'warm-up.sh')], {
      env: { ...process.env, FC_CUSTOM_LISTEN_PORT: String(port) },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('s.yaml', () => {
  test.each([
    ...HOOK_COMBINATIONS.map(({ name, answers }) => ({ name: `no GPU, ${name}`, answers: { runtime: RUNTIME, ...answers } as Answers })),
    ...HOOK_COMBINATIONS.map(({ name, answers }) => ({ name: `GPU, ${name}`, answers: { ...GPU, ...answers } as Answers })),
    { name: 'GPU, command initializer', answers: COMMAND },
    { name: 'GPU, command initializer, no preStop', answers: { ...COMMAND, preStop: false } },
    // The schema's gpuType enum lags the API on fc.gpu.ada.1 (test/helpers/fc3-schema.ts allows that one value).
    { name: 'Ada GPU', answers: { runtime: RUNTIME, gpu: 'fc.gpu.ada.1' } as Answers },
  ])('$name: valid against the fc3 schema', async ({ answers }) => {
    expect(fc3SchemaErrors(sYamlText(await planFor(answers)))).toEqual([]);
  });

  test('an image and a port, no code; the image is built before deploying', async () => {
    const { actions, props } = resourceOf(await planFor({ runtime: RUNTIME, functionName: 'Order_Sync' }));
    expect(props).not.toHaveProperty('code');
    expect(props).not.toHaveProperty('gpuConfig');
    expect(props.customContainerConfig).toEqual({ image: 'registry.${vars.region}.aliyuncs.com/your-acr-namespace/order-sync:latest', port: 9000 });
    expect(actions).toEqual({ 'pre-deploy': [{ component: 'fc3 build --dockerfile ./code/Dockerfile' }] });
    const text = sYamlText(await planFor({ runtime: RUNTIME }));
    expect(text).toMatch(/# Placeholder: replace your-acr-namespace with a namespace of your Container Registry\n.*\n\s+image: /);
  });

  test('the image name is a valid Docker reference for any function name', async () => {
    for (const functionName of ['my-fn', 'Order_Sync', '_x', 'A__b--C', '_']) {
      const { image } = resourceOf(await planFor({ runtime: RUNTIME, functionName })).props.customContainerConfig;
      const path = image.replace('registry.${vars.region}.aliyuncs.com/', '').replace(/:latest$/, '');
      expect(path, functionName).toMatch(/^[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*)*$/);
    }
  });

  test('hook handlers are the quoted string "true" in the raw text', async () => {
    expect(sYamlText(await planFor({ runtime: RUNTIME })).match(/^ {10}handler: "true"$/gm)).toHaveLength(2);
  });

  test('--gpu adds gpuConfig; the memory defaults to the schema default', async () => {
    expect(resourceOf(await planFor(GPU)).props.gpuConfig).toEqual({ gpuType: 'fc.gpu.ampere.1', gpuMemorySize: 8192 });
    expect(resourceOf(await planFor({ runtime: RUNTIME, gpu: 'fc.gpu.tesla.1' })).props.gpuConfig).toEqual({ gpuType: 'fc.gpu.tesla.1', gpuMemorySize: 1024 });
  });

  test('fc.gpu.ada.1 is accepted; each GPU type is bounded by its card\'s memory', async () => {
    expect(resourceOf(await planFor({ runtime: RUNTIME, gpu: 'fc.gpu.ada.1', gpuMemorySize: 49152 })).props.gpuConfig).toEqual({ gpuType: 'fc.gpu.ada.1', gpuMemorySize: 49152 });
    expect(resourceOf(await planFor({ runtime: RUNTIME, gpu: 'fc.gpu.tesla.1', gpuMemorySize: 16384 })).props.gpuConfig.gpuMemorySize).toBe(16384);
    // A T4 has 16 GB: 24576 fits an A10 only.
    expect(specErrorOf({ runtime: RUNTIME, gpu: 'fc.gpu.tesla.1', gpuMemorySize: 24576 })).toEqual({
      field: 'gpu-memory-size',
      rule: '"24576" must be a whole number of MB from 1024 to 16384 (the Tesla T4 of fc.gpu.tesla.1), a multiple of 1024',
    });
    expect(specErrorOf({ runtime: RUNTIME, gpu: 'fc.gpu.ada.1', gpuMemorySize: 50176 }).rule).toMatch(/from 1024 to 49152 \(the Ada series of fc\.gpu\.ada\.1\)/);
  });

  test('--initializer-command: the initializer has a command and no handler; preStop keeps its handler', async () => {
    const plan = await planFor({ ...COMMAND, initializerTimeout: 300 });
    expect(resourceOf(plan).props.instanceLifecycleConfig).toEqual({
      initializer: { command: ['/bin/sh', '-c', '/code/warm-up.sh'], timeout: 300 },
      preStop: { handler: 'true', timeout: 60 },
    });
    expect(sYamlText(plan)).toMatch(/# Command-type initializer \(GPU functions only; never together with a handler\)/);
  });

  test('nothing produces a PreStop command', async () => {
    for (const answers of [COMMAND, { ...COMMAND, preStop: 'true' }, GPU, { runtime: RUNTIME }] as Answers[]) {
      const spec = resolveSpec({ dir: 'x', ...answers }, '/w');
      expect(spec.preStop).toEqual({ handler: 'true', timeout: 60 });
      expect(resourceOf(await planFor(answers)).props.instanceLifecycleConfig.preStop).not.toHaveProperty('command');
    }
  });
});

describe('files', () => {
  test('the Dockerfile runs app.py on the port s.yaml names; curl and an executable warm-up.sh only with a command initializer', async () => {
    const plain = await planFor({ runtime: RUNTIME });
    const dockerfile = fileOf(plain, 'code/Dockerfile')!.contents;
    expect(dockerCmd(plain)).toEqual(['python3', 'app.py']);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${resourceOf(plain).props.customContainerConfig.port}$`, 'm'));
    expect(dockerfile).toMatch(/^COPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt$/m);
    expect(dockerfile).not.toContain('curl');
    expect(fileOf(plain, 'code/warm-up.sh')).toBeUndefined();

    const command = await planFor(COMMAND);
    expect(fileOf(command, 'code/Dockerfile')!.contents).toMatch(/apt-get install -y --no-install-recommends curl/);
    expect(fileOf(command, 'code/Dockerfile')!.contents).toMatch(/^RUN chmod 0755 warm-up\.sh$/m);
    expect(fileOf(command, 'code/warm-up.sh')!.executable).toBe(true);
  });

  test('warm-up.sh is written with mode 0755 and is valid POSIX sh', async () => {
    const { root } = await generateProject(COMMAND);
    expect(statSync(join(root, 'code', 'warm-up.sh')).mode & 0o777).toBe(0o755);
    const syntax = run('sh', ['-n', join(root, 'code', 'warm-up.sh')]);
    expect(syntax.status, syntax.output).toBe(0);
  });

  // Without a GPU, test/plan-snapshots.test.ts has them (custom-container--<hooks>.txt).
  test.each([
    { variant: 'gpu', hooks: 'both-hooks', answers: GPU as Answers },
    { variant: 'gpu-command-initializer', hooks: 'both-hooks', answers: COMMAND as Answers },
    { variant: 'gpu-command-initializer', hooks: 'initializer-only', answers: { ...COMMAND, preStop: false } as Answers },
  ])('$variant, $hooks: the plan matches its snapshot', async ({ variant, hooks, answers }) => {
    await expect(planText(await planFor(answers))).toMatchFileSnapshot(`../../__snapshots__/plans/custom-container--${variant}--${hooks}.txt`);
  });
});

describe.runIf(hasFlask)('the app, run as the image runs it', () => {
  test.each(HOOK_COMBINATIONS)('$name: plays one instance with FC', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime: RUNTIME, ...answers });
    const instance = await startApp(root, plan);
    const onAllInterfaces = listensOnAllInterfaces(instance.port);
    await expectOneInstance(instance, hooksOf(answers), expect);
    expect(onAllInterfaces, 'listens on 0.0.0.0').toBe(true);
  });

  test('a failing initializer answers 500 and logs the error; the next POST /initialize succeeds', async () => {
    const { root, plan } = await generateProject({ runtime: RUNTIME });
    const settingsFile = join(tempDir('fc-settings-'), 'settings.json');
    await expectFailedInitializerRecovers(
      (env) => startApp(root, plan, env),
      settingsFile,
      () => writeFileSync(settingsFile, JSON.stringify({ model: 'tiny' })),
      expect,
    );
  });

  test.each([
    ['no GPU', { runtime: RUNTIME }],
    ['GPU, command initializer', COMMAND],
  ] as [string, Answers][])('%s: the generated lifecycle test passes', async (_variant, answers) => {
    const { root } = await generateProject(answers);
    const result = run(FLASK_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^OK$/m);
  });

  test.runIf(hasCurl)('the command initializer warms the real app up: requests then see its state; a failure is exit 1 with JSON', async () => {
    const { root, plan } = await generateProject(COMMAND);
    const settingsFile = join(tempDir('fc-settings-'), 'settings.json');
    const instance = await startApp(root, plan, { SETTINGS_FILE: settingsFile });
    try {
      const failed = await warmUp(root, instance.port);
      expect(failed.code, failed.stderr).toBe(1);
      const error = JSON.parse(failed.stderr);
      expect(error).toMatchObject({ status: 'http_error', code: 500, url: `http://127.0.0.1:${instance.port}/initialize` });
      expect(JSON.parse(error.response).errorMessage).toContain(settingsFile);

      writeFileSync(settingsFile, JSON.stringify({ model: 'tiny' }));
      const warmed = await warmUp(root, instance.port);
      expect(warmed.code, warmed.stderr).toBe(0);
      expect(warmed.stdout).toContain('answered 200');
      const served = await instance.invokeEvent('req-1', {});
      expect(served.status).toBe(200);
      expect(served.json.resource.created_by).toMatch(/^warm-up-\d+$/);
      expect(served.json.resource.settings).toEqual({ model: 'tiny' });
    } finally {
      await instance.stop();
    }
    expect(instance.logs).toMatch(/FC Initialize Start RequestId: warm-up-\d+\n/);
  });
});

describe.runIf(hasCurl)('warm-up.sh against a tiny local server', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  /** Serves the given replies in turn, one per request, on a free loopback port. */
  async function serve(replies: { status: number; body: string }[]): Promise<{ port: number; requests: { method: string; url: string; id: string }[] }> {
    const requests: { method: string; url: string; id: string }[] = [];
    server = createServer((req, res) => {
      requests.push({ method: req.method!, url: req.url!, id: String(req.headers['x-fc-request-id']) });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
      res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(reply.body);
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    return { port: (server.address() as { port: number }).port, requests };
  }

  test('exit 0 on 200, then exit 1 and one JSON line on stderr on 500', async () => {
    const { root } = await generateProject(COMMAND);
    // Real newlines, a tab, quotes and a backslash: the script must still print valid JSON.
    const tricky = 'model "x" failed\nat C:\\path\tend';
    const { port, requests } = await serve([
      { status: 200, body: '{"ok":true}' },
      { status: 500, body: tricky },
    ]);
    const ok = await warmUp(root, port);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toBe('');
    const failed = await warmUp(root, port);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    const error = JSON.parse(failed.stderr);
    expect(error).toEqual({ status: 'http_error', code: 500, url: `http://127.0.0.1:${port}/initialize`, response: expect.any(String) });
    expect(error.response).toBe('model "x" failed at C:\\path end');
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /initialize', 'POST /initialize']);
    expect(requests[0]!.id).toMatch(/^warm-up-\d+$/);
  });

  test('a 404 fails too', async () => {
    const { root } = await generateProject(COMMAND);
    const { port } = await serve([{ status: 404, body: 'not found' }]);
    const failed = await warmUp(root, port);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stderr)).toMatchObject({ status: 'http_error', code: 404, response: 'not found' });
  });

  test('no curl: exit 127, like a shell\'s "command not found", and a no_curl JSON line', async () => {
    const { root } = await generateProject(COMMAND);
    const result = spawnSync('/bin/sh', [join(root, 'code', 'warm-up.sh')], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(result.status).toBe(127);
    expect(JSON.parse(result.stderr)).toEqual({ status: 'no_curl', message: 'curl is not installed' });
  });

  test('no server: exit 1 and a curl_error JSON line', async () => {
    const { root } = await generateProject(COMMAND);
    const failed = await warmUp(root, await freePort());
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stderr)).toMatchObject({ status: 'curl_error', code: 7, message: expect.stringMatching(/^curl: \(7\)/) });
  });
});


test.each<[string, Answers, string, RegExp]>([
  ['--gpu on a built-in runtime', { runtime: 'python3.10', gpu: 'fc.gpu.tesla.1' }, 'gpu', /only applies to custom-container, not python3\.10/],
  ['an unknown GPU type lists the valid ones', { runtime: RUNTIME, gpu: 'fc.gpu.volta.1' }, 'gpu', new RegExp(`unknown GPU type "fc\\.gpu\\.volta\\.1"; valid types: ${GPU_TYPES.join(', ').replace(/\./g, '\\.')}`)],
  ['GPU memory below 1024', { ...GPU, gpuMemorySize: 512 }, 'gpu-memory-size', /from 1024 to 24576 \(the Ampere A10 of fc\.gpu\.ampere\.1\), a multiple of 1024/],
  ['GPU memory above 24576', { ...GPU, gpuMemorySize: '25600' }, 'gpu-memory-size', /from 1024 to 24576/],
  ['GPU memory not a multiple of 1024', { ...GPU, gpuMemorySize: '1500' }, 'gpu-memory-size', /a multiple of 1024/],
  ['GPU memory with a unit', { ...GPU, gpuMemorySize: '8GB' }, 'gpu-memory-size', /whole number/],
  ['GPU memory without --gpu', { runtime: RUNTIME, gpuMemorySize: 8192 }, 'gpu-memory-size', /needs --gpu/],
  ['--initializer-command without --gpu', { runtime: RUNTIME, initializerCommand: '/code/warm-up.sh' }, 'initializer-command', /needs --gpu: FC runs command-type initializers for GPU functions only/],
  ['--initializer-command with an explicit --initializer', { ...COMMAND, initializer: 'true' }, 'initializer-command', /cannot be combined with --initializer true: FC runs a hook's handler or its command, never both/],
  ['--initializer-command with --no-initializer', { ...COMMAND, initializer: false }, 'initializer-command', /contradicts --no-initializer/],
  ['an empty --initializer-command', { ...GPU, initializerCommand: '  ' }, 'initializer-command', /must not be empty/],
  ['a PreStop command (API callers only: there is no flag)', { runtime: RUNTIME, preStop: { command: ['/bin/sh', '-c', 'true'] } as unknown as string }, 'pre-stop', /FC has no command-type PreStop hook/],
])('%s is refused', (_name, answers, field, rule) => {
  const error = specErrorOf(answers);
  expect(error.field).toBe(field);
  expect(error.rule).toMatch(rule);
});

test('a command initializer keeps the initializer timeout; the timeout needs an initializer', () => {
  expect(resolveSpec({ dir: 'x', ...COMMAND, initializerTimeout: '120' }, '/w').initializer).toEqual({ command: ['/bin/sh', '-c', '/code/warm-up.sh'], timeout: 120 });
  expect(specErrorOf({ runtime: RUNTIME, initializer: false, initializerTimeout: 30 }).field).toBe('initializer-timeout');
});

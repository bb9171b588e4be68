// Custom runtimes (custom, custom.debian10/11/12): the generated servers are started with the very
// command s.yaml declares (customRuntimeConfig.command; python3 is Debian's /usr/bin/python3 with
// python3-flask when it has Flask, else the python3 on PATH, see FLASK_PYTHON; node is this node) on
// a free loopback port, and driven the way FC drives them: POST /initialize, requests, GET /pre-stop.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseCliArgs } from '../../../src/cli/args.ts';
import { helpText } from '../../../src/cli/help.ts';
import { custom, serversFor } from '../../../src/runtimes/custom/generate.ts';
import { resolveSpec } from '../../../src/runtimes/generators.ts';
import type { Answers } from '../../../src/spec.ts';
import { fc3SchemaErrors } from '../../helpers/fc3-schema.ts';
import {
  expectFailedInitializerRecovers,
  expectOneInstance,
  FakeFcInstance,
  FLASK_PYTHON,
  hooksOf,
  listensOnAllInterfaces,
} from '../../helpers/fake-fc.ts';
import type { FilePlan } from '../../../src/plan.ts';
import { generateProject, HOOK_COMBINATIONS, planFor, planText, specErrorOf, tempDir } from '../../helpers/generate.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasFlask = useToolchain(FLASK_PYTHON, ['-c', 'import flask'], 'apt-get install -y python3-flask');

const sYamlText = (plan: FilePlan) => plan.files.find((file) => file.path === 's.yaml')!.contents;
const propsOf = (plan: FilePlan) => (Object.values(parse(sYamlText(plan)).resources)[0] as { props: Record<string, any> }).props;
const actionsOf = (plan: FilePlan) => (Object.values(parse(sYamlText(plan)).resources)[0] as { actions?: Record<string, any> }).actions;

/** Starts a generated custom-runtime project's server with the command its s.yaml declares. */
async function startFromSYaml(root: string, plan: FilePlan, env: Record<string, string> = {}, portVariable?: 'FC_SERVER_PORT') {
  const { command } = propsOf(plan).customRuntimeConfig;
  return FakeFcInstance.start({ command, cwd: join(root, 'code'), env, portVariable });
}

const VARIANTS = custom.ids.flatMap((runtime) => serversFor(runtime).map((server) => ({ runtime, server })));
const runsWith = (server: string) => (server === 'flask' ? hasFlask : true);

describe.each(VARIANTS)('$runtime, --server $server', ({ runtime, server }) => {
  test('s.yaml starts the server FC can run: command, port, PATH, code', async () => {
    const plan = await planFor({ runtime, server });
    const props = propsOf(plan);
    const entry = server === 'flask' ? 'app.py' : 'server.js';
    expect(props.customRuntimeConfig).toEqual({ command: [server === 'flask' ? 'python3' : 'node', entry], port: 9000 });
    expect(props.code).toBe('./code');
    expect(plan.files.map((file) => file.path)).toContain(`code/${entry}`);
    const bin = { 'custom.debian10': server === 'flask' ? '/var/fc/lang/python3.10/bin' : '/var/fc/lang/nodejs20/bin', 'custom.debian11': '/var/fc/lang/python3.12/bin' }[runtime];
    expect(props.environmentVariables?.PATH?.split(':')[0]).toBe(bin);
    if (server === 'flask') {
      expect(props.environmentVariables.PYTHONPATH).toBe('/code/python');
      const python = { custom: '3.7', 'custom.debian10': '3.10', 'custom.debian11': '3.12', 'custom.debian12': '3.11' }[runtime];
      expect(actionsOf(plan)!['pre-deploy']).toEqual([{ run: expect.stringContaining(`--target python `), path: './code' }]);
      expect(actionsOf(plan)!['pre-deploy'][0].run).toContain(`--python-version ${python} --only-binary=:all: -r requirements.txt`);
    } else {
      expect(actionsOf(plan)).toBeUndefined();
    }
  });

  test('hook handlers are the quoted string "true" in the raw s.yaml text', async () => {
    const text = sYamlText(await planFor({ runtime, server }));
    expect(text.match(/^ {10}handler: "true"$/gm)).toHaveLength(2);
    expect(propsOf(await planFor({ runtime, server })).instanceLifecycleConfig).toEqual({
      initializer: { handler: 'true', timeout: 60 },
      preStop: { handler: 'true', timeout: 60 },
    });
  });

  test.each(HOOK_COMBINATIONS)('$name: s.yaml is valid against the fc3 schema', async ({ answers }) => {
    expect(fc3SchemaErrors(sYamlText(await planFor({ runtime, server, ...answers })))).toEqual([]);
  });

  test.runIf(runsWith(server))('both hooks: the server answers FC on 0.0.0.0 for one whole instance', async () => {
    const { root, plan } = await generateProject({ runtime, server });
    const instance = await startFromSYaml(root, plan);
    const onAllInterfaces = listensOnAllInterfaces(instance.port);
    await expectOneInstance(instance, { initializer: true, preStop: true }, expect);
    expect(onAllInterfaces, 'listens on 0.0.0.0').toBe(true);
  });
});

describe.each(['flask', 'node'])('--server %s', (server) => {
  const runtime = server === 'flask' ? 'custom.debian12' : 'custom.debian10';

  test.runIf(runsWith(server)).each(HOOK_COMBINATIONS)('$name: the server plays one instance with FC', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, server, ...answers });
    await expectOneInstance(await startFromSYaml(root, plan), hooksOf(answers), expect);
  });

  test.runIf(runsWith(server)).each(HOOK_COMBINATIONS)('$name: the generated lifecycle test passes', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, server, ...answers });
    const result = server === 'flask'
      ? run(FLASK_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root })
      : run(process.execPath, ['--test', 'test/lifecycle.test.mjs'], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(plan.testCommand).toBe(server === 'flask' ? 'python3 -m unittest discover -s tests -v' : 'node --test test/lifecycle.test.mjs');
    expect(result.output).toMatch(server === 'flask' ? /^OK$/m : /# fail 0/);
  });

  test.runIf(runsWith(server))('a failing initializer answers 500 and logs the error; the next POST /initialize succeeds', async () => {
    const { root, plan } = await generateProject({ runtime, server });
    const settingsFile = join(tempDir('fc-settings-'), 'settings.json');
    await expectFailedInitializerRecovers(
      (env) => startFromSYaml(root, plan, env),
      settingsFile,
      () => writeFileSync(settingsFile, JSON.stringify({ model: 'tiny' })),
      expect,
    );
  });

  test.runIf(runsWith(server))('the port falls back to FC_SERVER_PORT', async () => {
    const { root, plan } = await generateProject({ runtime, server, initializer: false, preStop: false });
    const instance = await startFromSYaml(root, plan, {}, 'FC_SERVER_PORT');
    try {
      expect((await instance.invokeEvent('req-1', {})).status).toBe(200);
    } finally {
      await instance.stop();
    }
  });

  // The default server (flask) is in test/plan-snapshots.test.ts for every runtime id.
  test.runIf(server === 'node').each(HOOK_COMBINATIONS)('$name: the plan matches its snapshot', async ({ name, answers }) => {
    const slug = name.replace(/\W+/g, '-');
    await expect(planText(await planFor({ runtime, server, ...answers }))).toMatchFileSnapshot(`../../__snapshots__/plans/${runtime}--server-${server}--${slug}.txt`);
  });
});

test('git ignores code/python/, where the Flask pre-deploy pip install writes; the node server has none', async () => {
  const { root } = await generateProject({ runtime: 'custom.debian12', server: 'flask' });
  expect(actionsOf(await planFor({ runtime: 'custom.debian12', server: 'flask' }))!['pre-deploy'][0]).toMatchObject({ path: './code', run: expect.stringContaining('--target python ') });
  writeFileSync(join(root, 'code', 'python-marker.txt'), 'source\n');
  run('mkdir', ['-p', join(root, 'code', 'python', 'flask')]);
  writeFileSync(join(root, 'code', 'python', 'flask', '__init__.py'), '# installed\n');
  expect(run('git', ['init', '-q'], { cwd: root }).status).toBe(0);
  const status = run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root }).stdout;
  expect(status).toContain('code/python-marker.txt');
  expect(status).not.toContain('code/python/');
  const node = await planFor({ runtime: 'custom.debian10', server: 'node' });
  expect(node.files.find((file) => file.path === '.gitignore')!.contents).not.toContain('code/python/');
});

test.runIf(hasFlask)('the Flask server is Python 3.7 syntax (the python3 of `custom`)', async () => {
  const app = (await planFor({ runtime: 'custom', server: 'flask' })).files.find((file) => file.path === 'code/app.py')!.contents;
  const result = run(FLASK_PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read(), feature_version=(3, 7))'], { input: app });
  expect(result.status, result.output).toBe(0);
});

test('the node server needs no syntax newer than Node.js 10 (the node of `custom`)', async () => {
  for (const combination of HOOK_COMBINATIONS) {
    const server = (await planFor({ runtime: 'custom', server: 'node', ...combination.answers })).files.find((file) => file.path === 'code/server.js')!.contents;
    // esbuild rewrites any syntax Node.js 10 lacks; nothing to rewrite means nothing newer is used.
    expect(transformSync(server, { target: 'node10' }).code).toBe(transformSync(server, { target: 'esnext' }).code);
  }
});

test('the default server is flask; node is offered where Node.js is built in', () => {
  expect(resolveSpec({ dir: 'x', runtime: 'custom.debian12' }, '/w').server).toBe('flask');
  expect(resolveSpec({ dir: 'x', runtime: 'custom', server: 'node' }, '/w').server).toBe('node');
  expect(VARIANTS.filter((v) => v.server === 'node').map((v) => v.runtime)).toEqual(['custom', 'custom.debian10']);
  expect(resolveSpec({ dir: 'x', runtime: 'nodejs20' }, '/w')).not.toHaveProperty('server');
});


test.each<[string, Answers, string, RegExp]>([
  ['--server on a built-in runtime', { runtime: 'python3.10', server: 'flask' }, 'server', /only applies to custom, custom\.debian10, custom\.debian11, custom\.debian12, not python3\.10/],
  ['--server on custom-container', { runtime: 'custom-container', server: 'flask' }, 'server', /only applies to custom, .*not custom-container/],
  ['an unknown server', { runtime: 'custom', server: 'express' }, 'server', /unknown server "express"; valid servers: flask, node/],
  ['a prototype name as server', { runtime: 'custom', server: 'toString' }, 'server', /unknown server "toString"/],
  ['node where Node.js is not built in', { runtime: 'custom.debian12', server: 'node' }, 'server', /custom\.debian12 has no Node\.js built in/],
  ['--gpu on a custom runtime', { runtime: 'custom.debian10', gpu: 'fc.gpu.tesla.1' }, 'gpu', /only applies to custom-container, not custom\.debian10/],
  ['--initializer-command on a custom runtime', { runtime: 'custom', initializerCommand: 'true' }, 'initializer-command', /only applies to custom-container/],
  ['an empty hook handler', { runtime: 'custom', preStop: ' ' }, 'pre-stop', /non-empty/],
])('%s is refused', (_name, answers, field, rule) => {
  const error = specErrorOf(answers);
  expect(error.field).toBe(field);
  expect(error.rule).toMatch(rule);
});

test('the new flags become answers, and --help lists them', async () => {
  const { answers } = parseCliArgs(['my-fn', '-r', 'custom-container', '--gpu', 'fc.gpu.tesla.1', '--gpu-memory-size', '4096', '--initializer-command', '/code/warm-up.sh']);
  expect(answers).toEqual({ dir: 'my-fn', runtime: 'custom-container', gpu: 'fc.gpu.tesla.1', gpuMemorySize: '4096', initializerCommand: '/code/warm-up.sh' });
  expect(parseCliArgs(['-r', 'custom', '--server', 'node']).answers.server).toBe('node');
  const help = await helpText();
  for (const flag of ['--server <flask|node>', '--gpu <type>', '--gpu-memory-size <MB>', '--initializer-command <sh>']) expect(help).toContain(flag);
  expect(help).toContain('on custom and custom.debian10, which have Node.js built in');
  expect(help).toContain('one of fc.gpu.tesla.1, fc.gpu.ampere.1, fc.gpu.ada.1');
  expect(help).toContain('up to the card\'s: 16384 on tesla.1, 24576 on ampere.1, 49152 on ada.1');
});

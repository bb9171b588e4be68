// The plop generators the package ships (plopfile.js, generators/): driven through node-plop with
// answers given up front (as plop's bypass does), their prompt logic called directly, and `hook` run by
// the real plop CLI in a pseudo-terminal from a project that has the packed package in node_modules.
// They import dist/, so `npm test` (or `npm run build`) must have built it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodePlop, { type NodePlopAPI, type PromptQuestion } from 'node-plop';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli/main.ts';
import { buildPlan } from '../src/plan.ts';
import { resolveSpec } from '../src/runtimes/generators.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture, readTree } from './helpers/hook-fixtures.ts';
import { runInTerminal } from './helpers/toolchain.ts';

const PLOPFILE = fileURLToPath(new URL('../plopfile.js', import.meta.url));
const PLOP_BIN = fileURLToPath(new URL('../node_modules/plop/bin/plop.js', import.meta.url));

let plop: NodePlopAPI;
beforeAll(async () => {
  plop = await nodePlop(PLOPFILE);
});

async function runGenerator(name: string, answers: Record<string, unknown>) {
  return plop.getGenerator(name).runActions(answers);
}

/** The generator's prompt of that name, with the inquirer functions it carries. */
function prompt(generator: string, name: string): Record<string, any> {
  const prompts = plop.getGenerator(generator).prompts as PromptQuestion[];
  return prompts.find((p) => p.name === name) as Record<string, any>;
}

test('the plopfile registers function, hook and unhook', () => {
  expect(plop.getGeneratorList().map((g) => g.name)).toEqual(['function', 'hook', 'unhook']);
});

describe('function', () => {
  test('writes exactly the files the CLI pipeline plans for the same answers', async () => {
    const dir = join(tempDir('fc-plop-fn-'), 'orders');
    const { changes, failures } = await runGenerator('function', { dir, runtime: 'python3.10', functionName: 'orders', region: 'cn-shanghai', hooks: ['initializer'] });
    expect(failures).toEqual([]);
    expect(changes[0]!.path).toMatch(/^python3\.10 function orders in .*: .*s\.yaml.*; next: python3 -m unittest discover -s tests -v, then s deploy$/);
    const expected = await buildPlan(resolveSpec({ dir, runtime: 'python3.10', functionName: 'orders', region: 'cn-shanghai', preStop: false }));
    expect(readTree(dir)).toEqual(Object.fromEntries(expected.files.map((file) => [file.path, file.contents])));
  });

  test('the trigger: http leaves only the stand-in recipe for a handler that reads the HTTP event', async () => {
    expect(prompt('function', 'trigger').choices.map((choice: { value: string }) => choice.value)).toEqual(['event', 'http']);
    expect(prompt('function', 'recipe').when({ runtime: 'nodejs20', trigger: 'event' })).toBe(true);
    expect(prompt('function', 'recipe').when({ runtime: 'nodejs20', trigger: 'http' })).toBe(false);
    expect(prompt('function', 'recipe').when({ runtime: 'custom.debian12', trigger: 'http' })).toBe(true);
    const dir = join(tempDir('fc-plop-fn-'), 'web');
    const { failures } = await runGenerator('function', { dir, runtime: 'python3.12', trigger: 'http', functionName: 'web' });
    expect(failures).toEqual([]);
    expect(parse(readFileSync(join(dir, 's.yaml'), 'utf8')).resources.web.props.triggers[0].triggerType).toBe('http');
    expect(existsSync(join(dir, 'events', 'http.json'))).toBe(true);
  });

  test('customised entries and timeouts go through the same validation; a bad answer writes nothing', async () => {
    const parent = tempDir('fc-plop-fn-');
    const ok = await runGenerator('function', {
      dir: join(parent, 'a'), runtime: 'nodejs16', functionName: 'a', hooks: ['initializer', 'preStop'], customise: true,
      handler: 'app.main', initializerEntry: 'app.warmUp', preStopEntry: 'app.drain', initializerTimeout: '30',
    });
    expect(ok.failures).toEqual([]);
    const props = parse(readFileSync(join(parent, 'a', 's.yaml'), 'utf8')).resources.a.props;
    expect(props.instanceLifecycleConfig).toEqual({ initializer: { handler: 'app.warmUp', timeout: 30 }, preStop: { handler: 'app.drain', timeout: 60 } });

    const bad = await runGenerator('function', { dir: join(parent, 'b'), runtime: 'nodejs20', functionName: '9lives' });
    expect(bad.failures[0]!.error).toMatch(/^function-name: "9lives" must be/);
    expect(existsSync(join(parent, 'b'))).toBe(false);
  });

  test('prompt validation and defaults come from the runtime definitions', async () => {
    expect(await prompt('function', 'functionName').validate('9lives', {})).toMatch(/must be 1-64 letters/);
    expect(await prompt('function', 'initializerEntry').validate('index.handler', { runtime: 'python3.10' })).toBe('function "handler" is already used by --handler; each entry point needs its own function');
    expect(prompt('function', 'initializerEntry').default({ runtime: 'java11' })).toBe('example.App::initialize');
    // Offered defaults pass their own validation: the hooks sit beside a custom handler, the name is made valid.
    expect(prompt('function', 'initializerEntry').default({ runtime: 'python3.10', handler: 'main.handle' })).toBe('main.initialize');
    expect(prompt('function', 'preStopEntry').default({ runtime: 'python3.10', handler: 'main.handle' })).toBe('main.pre_stop');
    expect(prompt('function', 'functionName').default({ dir: 'a/my-fn.v2' })).toBe('my-fn-v2');
    expect(prompt('function', 'server').when({ runtime: 'custom.debian10' })).toBe(true);
    expect(prompt('function', 'server').when({ runtime: 'python3.10' })).toBeFalsy();
  });

  test('asks for the language where TypeScript is offered, offers no recipe with it, and writes the CLI\'s TypeScript project', async () => {
    const language = prompt('function', 'language');
    expect(language.when({ runtime: 'nodejs20' })).toBe(true);
    expect(language.when({ runtime: 'nodejs16' })).toBe(false);
    expect(language.when({ runtime: 'custom.debian10', server: 'node' })).toBe(true);
    expect(language.when({ runtime: 'custom.debian10', server: 'flask' })).toBe(false);
    expect(language.when({ runtime: 'python3.10' })).toBe(false);
    expect(prompt('function', 'recipe').when({ runtime: 'nodejs20', language: 'typescript' })).toBe(false);
    expect(prompt('function', 'recipe').when({ runtime: 'nodejs20', language: 'javascript' })).toBe(true);
    const dir = join(tempDir('fc-plop-fn-'), 'ts');
    const { failures } = await runGenerator('function', { dir, runtime: 'nodejs20', language: 'typescript', functionName: 'ts' });
    expect(failures).toEqual([]);
    const expected = await buildPlan(resolveSpec({ dir, runtime: 'nodejs20', language: 'typescript', functionName: 'ts' }));
    expect(readTree(dir)).toEqual(Object.fromEntries(expected.files.map((file) => [file.path, file.contents])));
    expect(Object.keys(readTree(dir))).toContain('src/index.ts');
  });
});

describe('hook', () => {
  test('edits the project exactly as `create-fc-lifecycle add` does; running it again changes nothing', async () => {
    const viaPlop = copyFixture('nodejs16-commonjs');
    const viaCli = copyFixture('nodejs16-commonjs');
    const { changes, failures } = await runGenerator('hook', { dir: viaPlop, hooks: ['initializer', 'preStop'], initializer: 'index.initialize', initializerTimeout: '60', preStop: 'index.preStop', preStopTimeout: '60', apply: true });
    expect(failures).toEqual([]);
    expect(changes[0]!.path).toMatch(/^wrote s\.yaml, code\/index\.js\n {2}Initializer: s\.yaml added/);
    const cli = await main(['add', '--initializer', 'index.initialize', '--pre-stop', 'index.preStop'], { stdout: () => {}, stderr: () => {}, interactive: false, cwd: viaCli });
    expect(cli).toBe(0);
    expect(readTree(viaPlop)).toEqual(readTree(viaCli));

    const again = await runGenerator('hook', { dir: viaPlop, hooks: ['initializer', 'preStop'] });
    expect(again.changes[0]!.path).toMatch(/^nothing to change: everything asked for is already in place\n {2}Initializer: s\.yaml already has index\.initialize/);
    expect(readTree(viaPlop)).toEqual(readTree(viaCli));
  });

  test('a hook s.yaml already has keeps its entry when chosen without one', async () => {
    const root = copyFixture('nodejs18-module-exports');
    const { failures, changes } = await runGenerator('hook', { dir: root, hooks: ['initializer', 'preStop'] });
    expect(failures).toEqual([]);
    expect(changes[0]!.path).toContain('PreStop: s.yaml already has index.flush');
    expect(parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources.mailer.props.instanceLifecycleConfig.initializer.handler).toBe('index.initialize');
  });

  test('answering no to the diff writes nothing', async () => {
    const root = copyFixture('php7.2');
    const before = readTree(root);
    const { changes } = await runGenerator('hook', { dir: root, hooks: ['preStop'], apply: false });
    expect(changes[0]!.path).toBe('nothing written (not confirmed)');
    expect(readTree(root)).toEqual(before);
  });

  test('a shape it cannot edit fails the action with the one-line rule and writes nothing', async () => {
    const root = copyFixture('php7.2');
    writeFileSync(join(root, 's.yaml'), 'base: &b\n  runtime: php7.2\nresources:\n  f:\n    component: fc3\n    props: *b\n');
    const before = readTree(root);
    const { failures } = await runGenerator('hook', { dir: root, hooks: ['initializer'] });
    expect(failures[0]!.error).toMatch(/^s\.yaml: resources\.f uses a YAML alias \(\*b, line 6\), which cannot be edited safely; edit s\.yaml by hand$/);
    expect(readTree(root)).toEqual(before);
  });

  test('its prompts read the project: states in the message, defaults, entry rules, the diff before writing', async () => {
    const root = copyFixture('nodejs18-module-exports');
    expect(await prompt('hook', 'dir').validate(tempDir())).toMatch(/has no s\.yaml/);
    expect(await prompt('hook', 'dir').validate(root)).toBe(true);
    expect(await prompt('hook', 'resource').when({ dir: root })).toBe(false);
    expect(await prompt('hook', 'hooks').message({ dir: root })).toBe('Hooks to add to mailer (nodejs18; Initializer not in s.yaml, PreStop on: index.flush):');
    expect(await prompt('hook', 'hooks').default({ dir: root })).toEqual(['initializer']);
    expect(await prompt('hook', 'initializer').when({ dir: root, hooks: ['initializer'] })).toBe(true);
    expect(await prompt('hook', 'preStop').when({ dir: root, hooks: ['preStop'] })).toBe(false);
    expect(await prompt('hook', 'initializer').default({ dir: root })).toBe('index.initialize');
    expect(await prompt('hook', 'initializer').validate('main.init', { dir: root })).toBe('"main.init" names file "main" but the handler is in "index"; handler and hooks must be in one file');
    const answers = { dir: root, hooks: ['initializer'], initializer: 'index.warm', initializerTimeout: '15' };
    expect(await prompt('hook', 'apply').when(answers)).toBe(true);
    expect(await prompt('hook', 'apply').message(answers)).toMatch(/^--- s\.yaml\n\+\+\+ s\.yaml\n[\s\S]*\+ {10}handler: index\.warm\n\+ {10}timeout: 15\n[\s\S]*\+module\.exports\.warm = function \(context, callback\) \{\n[\s\S]*Write these changes\?$/);
    expect(readTree(root)).toEqual(readTree(copyFixture('nodejs18-module-exports')));
  });
});

describe('unhook', () => {
  test('switches the chosen hooks off like `create-fc-lifecycle remove`', async () => {
    const root = copyFixture('nodejs18-module-exports');
    expect(await prompt('unhook', 'hooks').default({ dir: root })).toEqual(['preStop']);
    const { failures, changes } = await runGenerator('unhook', { dir: root, hooks: ['preStop'] });
    expect(failures).toEqual([]);
    expect(changes[0]!.path).toMatch(/^wrote s\.yaml, code\/index\.js\n {2}PreStop: s\.yaml switched off \(was index\.flush\)/);
    expect(parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources.mailer.props.instanceLifecycleConfig.preStop).toEqual({ handler: '', timeout: 20 });
    expect(readFileSync(join(root, 'code/index.js'), 'utf8')).toMatch(/\/\/ create-fc-lifecycle: the PreStop hook is switched off in s\.yaml .*\nfunction flush\(context, callback\) \{/);
  });
});

describe('the plop CLI in a user project (pseudo-terminal)', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture('python3.10');
    const installed = join(project, 'node_modules');
    mkdirSync(installed);
    execFileSync('tar', ['-xzf', inject('tarball'), '-C', installed]);
    execFileSync('mv', [join(installed, 'package'), join(installed, 'create-fc-lifecycle')]);
  });

  test.runIf(process.platform === 'linux')('`plop --plopfile node_modules/create-fc-lifecycle/plopfile.js hook` asks, shows the diff and writes in the project it runs in', async () => {
    // Prompts: directory (.), hooks (both, the default: neither is on), each hook's entry and timeout
    // (defaults; PreStop keeps the timeout s.yaml has), write? (yes).
    const keys = ['\r', '\r', '\r', '\r', '\r', '\r', '\r'];
    const { status, output } = await runInTerminal(['node', PLOP_BIN, '--plopfile', 'node_modules/create-fc-lifecycle/plopfile.js', 'hook'], keys, { cwd: project, keyDelayMs: 600 });
    expect(output).toMatch(/Hooks to add to scorer \(python3\.10; Initializer not in s\.yaml, PreStop\s+switched off\)/);
    expect(output).toMatch(/\+def initialize\(context\):/);
    expect(output).toMatch(/Write these changes\?/);
    expect(status, output).toBe(0);
    const lifecycle = parse(readFileSync(join(project, 's.yaml'), 'utf8')).resources.scorer.props.instanceLifecycleConfig;
    expect(lifecycle).toEqual({ initializer: { handler: 'main.initialize', timeout: 60 }, preStop: { handler: 'main.pre_stop', timeout: 10 } });
    expect(readFileSync(join(project, 'src/main.py'), 'utf8')).toMatch(/\ndef initialize\(context\):\n/);
  });
});

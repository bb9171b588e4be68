// Issue 9 for Java, Go and C#: a generated function keeps answering when a hook is off. For each path a
// user takes (remove --initializer; --no-initializer; add --initializer after it; remove --pre-stop;
// remove --initializer then add it back; add --pre-stop after --no-pre-stop), through the real CLI, the
// code is compiled with the real toolchain against the SDK stand-ins and run the way FC runs it: with no
// initializer call, two requests succeed and share one resource that the first one creates lazily
// (logged once); then as s.yaml configures the instance; the generated lifecycle test passes; and
// `doctor` finds nothing. Last, concurrent requests on one instance share one resource.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose } from '../src/doctor/index.ts';
import { dotnet } from '../src/runtimes/dotnet/generate.ts';
import { go } from '../src/runtimes/go/generate.ts';
import { java } from '../src/runtimes/java/generate.ts';
import type { Answers } from '../src/spec.ts';
import { buildDotnetInstance, buildJavaInstance } from './helpers/fc-instance.ts';
import { generateProject, tempDir } from './helpers/generate.ts';
import { buildDotnetStandIns, buildJavaStandIn, DOTNET_LIBRARIES, GO_ENV, goWorkCopy } from './helpers/stand-ins.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const has = {
  java: useToolchain('javac', ['-version'], 'apt-get install -y openjdk-17-jdk-headless') && useToolchain('java', ['-version'], 'apt-get install -y openjdk-17-jdk-headless'),
  go: useToolchain('go', ['version'], 'apt-get install -y golang-go'),
  dotnet: useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs') && useToolchain('mono', ['--version'], 'apt-get install -y mono-runtime'),
};

type Call = 'initializer' | 'handler' | 'preStop' | 'concurrent';

/** What FC runs on one instance, from s.yaml on disk: a hook is on when its handler is a non-empty string. */
function sYamlOf(root: string) {
  const doc = parse(readFileSync(join(root, 's.yaml'), 'utf8'));
  const props = (Object.values(doc.resources)[0] as { props: Record<string, any> }).props;
  const entry = (hook: string): string | undefined => props.instanceLifecycleConfig?.[hook]?.handler || undefined;
  return { handler: props.handler as string, initializer: entry('initializer'), preStop: entry('preStop') };
}

interface Instance {
  status: number | null;
  output: string;
  /** The handler's answers, in order. */
  answers: { resource: { id: string; createdBy: string; uses: number } }[];
}

function answersOf(result: ReturnType<typeof run>): Instance {
  return { ...result, answers: result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)) };
}

let javaStandIn = '';
let javaInstance = '';
let dotnetLibraries = '';
beforeAll(() => {
  if (has.java) {
    javaStandIn = buildJavaStandIn();
    javaInstance = buildJavaInstance(javaStandIn);
  }
  if (has.dotnet) {
    dotnetLibraries = buildDotnetStandIns();
    buildDotnetInstance(dotnetLibraries);
  }
});

interface Family {
  toolchain: boolean;
  /** The entries `add` is given: the runtime's defaults. */
  defaults: { initializer: string; preStop: string };
  /** Builds the project; returns what runs one instance and what runs the generated lifecycle test. */
  build(root: string): { instance(calls: Call[]): Instance; lifecycleTest(): ReturnType<typeof run> };
}

const FAMILIES: Record<'java' | 'go' | 'dotnet', Family> = {
  java: {
    toolchain: has.java,
    defaults: java.defaults,
    build(root) {
      const classes = join(tempDir('fc-java-classes-'), 'classes');
      mkdirSync(classes);
      const release = readFileSync(join(root, 'pom.xml'), 'utf8').includes('<maven.compiler.target>1.8<') ? '8' : '11';
      const sources = run('find', [join(root, 'src'), '-name', '*.java']).stdout.trim().split('\n');
      const built = run('javac', ['-Xlint:all', '-Werror', '--release', release, '-cp', javaStandIn, '-d', classes, ...sources]);
      expect(built.status, built.output).toBe(0);
      const classpath = `${classes}:${javaStandIn}`;
      const className = sYamlOf(root).handler.split('::')[0]!;
      return {
        instance: (calls) => answersOf(run('java', ['-cp', `${classpath}:${javaInstance}`, 'FcInstance', className, ...calls])),
        lifecycleTest: () => run('java', ['-cp', classpath, `${className}LifecycleTest`], { cwd: root }),
      };
    },
  },
  go: {
    toolchain: has.go,
    defaults: go.defaults,
    build(root) {
      const work = goWorkCopy(root);
      const { handler } = sYamlOf(root);
      for (const command of ['go mod tidy', `go build -o target/${handler} main.go`, 'go vet ./...']) {
        const built = run('sh', ['-c', command], { cwd: work, env: GO_ENV });
        expect(built.status, `${command}\n${built.output}`).toBe(0);
      }
      return {
        instance: (calls) => answersOf(run(join(work, 'target', handler), [], { cwd: work, env: { FC_RUNTIME_API: 'stand-in', FC_STANDIN_INVOKE: calls.join(',') } })),
        // -race: Go checks the accessor's locking in the generated test's concurrent requests.
        lifecycleTest: () => run('go', ['test', '-race', '-v', './...'], { cwd: work, env: GO_ENV }),
      };
    },
  },
  dotnet: {
    toolchain: has.dotnet,
    defaults: dotnet.defaults,
    build(root) {
      const entries = sYamlOf(root);
      const [assembly, type] = entries.handler.split('::') as [string, string];
      const out = tempDir('fc-dotnet-out-');
      for (const file of [...DOTNET_LIBRARIES, 'FcInstance.exe']) copyFileSync(join(dotnetLibraries, file), join(out, file));
      const refs = DOTNET_LIBRARIES.map((library) => `-r:${join(out, library)}`);
      const sources = (dir: string) => run('find', [join(root, dir), '-name', '*.cs']).stdout.trim().split('\n');
      const app = join(out, `${assembly}.exe`);
      for (const args of [
        [`-out:${app}`, ...refs, ...sources(assembly)],
        [`-out:${join(out, 'LifecycleTest.exe')}`, `-r:${app}`, ...refs, ...sources('LifecycleTest')],
      ]) {
        const built = run('mcs', ['-warnaserror+', '-target:exe', ...args]);
        expect(built.status, built.output).toBe(0);
      }
      const method = (call: Call) => (call === 'handler' || call === 'concurrent' ? entries.handler : entries[call]!).split('::')[2];
      return {
        instance: (calls) => answersOf(run('mono', [join(out, 'FcInstance.exe'), app, type, ...calls.map((call) => `${call}=${method(call)}`)])),
        lifecycleTest: () => run('mono', [join(out, 'LifecycleTest.exe')], { cwd: root }),
      };
    },
  },
};

interface UserPath {
  name: string;
  answers: Answers;
  /** Hook commands run in the project after generating it, in order (`add` gets the runtime's default entry). */
  edits?: string[][];
  /** Whether the initializer s.yaml then turns on creates the resource (the generated one), or only logs (the one `add` writes). */
  eager?: boolean;
  /** preStop is the one `add` writes, which only logs (the generated one releases the resource). */
  addedPreStop?: boolean;
}

const PATHS: UserPath[] = [
  { name: 'both hooks, then remove --initializer', answers: {}, edits: [['remove', '--initializer']] },
  { name: '--no-initializer', answers: { initializer: false } },
  { name: '--no-initializer, then add --initializer', answers: { initializer: false }, edits: [['add', '--initializer']], eager: false },
  { name: 'both hooks, then remove --pre-stop', answers: {}, edits: [['remove', '--pre-stop']], eager: true },
  { name: 'both hooks, then remove --initializer and add it back', answers: {}, edits: [['remove', '--initializer'], ['add', '--initializer']], eager: true },
  { name: '--no-pre-stop, then add --pre-stop', answers: { preStop: false }, edits: [['add', '--pre-stop']], eager: true, addedPreStop: true },
];

// Every path on one runtime of each family; java8 (the other javac release) on the first path.
const CASES = [
  ...(['java11', 'go1', 'dotnetcore3.1'] as const).flatMap((runtime) => PATHS.map((path) => ({ runtime, path }))),
  { runtime: 'java8' as const, path: PATHS[0]! },
];
const FAMILY_OF = { java8: 'java', java11: 'java', go1: 'go', 'dotnetcore3.1': 'dotnet' } as const;

async function cli(args: string[], cwd: string): Promise<void> {
  let output = '';
  const io: Io = { stdout: (text) => (output += text), stderr: (text) => (output += text), interactive: false, cwd };
  expect(await main(args, io), output).toBe(0);
}

/** Checks one instance's two answers: one resource, counted; created by `createdBy`; the lazy log line `lazy` times. */
function expectOneResource(instance: Instance, createdBy: string, lazy: number) {
  expect(instance.status, instance.output).toBe(0);
  expect(instance.answers).toHaveLength(2);
  const [first, second] = instance.answers;
  expect(first!.resource.createdBy).toBe(createdBy);
  expect(second!.resource.id).toBe(first!.resource.id);
  expect([first!.resource.uses, second!.resource.uses]).toEqual([1, 2]);
  expect(instance.output.match(/ lazily/g) ?? []).toHaveLength(lazy);
  if (lazy > 0) expect(instance.output).toContain(`created resource-${createdBy} lazily: no initializer ran on this instance`);
}

describe.each(CASES)('$runtime: $path.name', ({ runtime, path }) => {
  const family = FAMILIES[FAMILY_OF[runtime]];
  test.runIf(family.toolchain)('FC with no initializer call gets two answers sharing one lazy resource; the generated test passes; doctor is clean', async () => {
    const { root } = await generateProject({ runtime, ...path.answers });
    for (const [command, flag] of path.edits ?? []) {
      const entry = command === 'add' ? [flag === '--initializer' ? family.defaults.initializer : family.defaults.preStop] : [];
      await cli([command!, flag!, ...entry], root);
    }
    const config = sYamlOf(root);
    expect(config.initializer !== undefined).toBe(path.eager !== undefined);
    const built = family.build(root);

    // A fresh instance that no initializer ran on (FC's own behaviour when s.yaml turns it off).
    const preStop: Call[] = config.preStop ? ['preStop'] : [];
    const bare = built.instance(['handler', 'handler', ...preStop]);
    expectOneResource(bare, 'standin-1-handler', 1);
    if (config.preStop && !path.addedPreStop) expect(bare.output).toContain('released resource-standin-1-handler after 2 request(s)');

    // The instance exactly as s.yaml has FC run it, when that includes an initializer.
    if (config.initializer) {
      const played = built.instance(['initializer', 'handler', 'handler', ...preStop]);
      expectOneResource(played, path.eager ? 'standin-1-initializer' : 'standin-2-handler', path.eager ? 0 : 1);
    }

    const tested = built.lifecycleTest();
    expect(tested.status, tested.output).toBe(0);
    expect(tested.output).not.toMatch(/not ok|FAIL/);

    expect((await diagnose(root)).findings).toEqual([]);
  });
});

// s.yaml as a user may edit it: the generated tests' line readers must see each hook as FC does.
const S_YAML_EDITS: { name: string; edit: (text: string) => string; state: string }[] = [
  {
    name: "a '' handler, a preStop block without one",
    edit: (text) => text.replace(/(initializer:\n\s+handler:) .*/, "$1 ''").replace(/(preStop:\n)\s+handler: .*\n/, '$1'),
    state: 'initializer off, preStop off',
  },
  {
    name: 'comments, a commented-out empty handler, and the handler after the timeout',
    edit: (text) => text
      .replace(/(initializer:\n)(\s+)(handler: .*)\n(\s+timeout: .*)\n/, '$1$2# handler: ""\n$4  # seconds\n$2$3 # warm-up\n')
      .replace('instanceLifecycleConfig:\n', 'instanceLifecycleConfig: # hooks\n        # preStop: off\n'),
    state: 'initializer on, preStop on',
  },
];

describe.each(['java11', 'go1', 'dotnetcore3.1'] as const)('%s: the generated test reads s.yaml as FC does', (runtime) => {
  const family = FAMILIES[FAMILY_OF[runtime]];
  test.runIf(family.toolchain).each(S_YAML_EDITS)('$name: $state', async ({ edit, state }) => {
    const { root } = await generateProject({ runtime });
    const sYaml = join(root, 's.yaml');
    const edited = edit(readFileSync(sYaml, 'utf8'));
    writeFileSync(sYaml, edited);
    const tested = family.build(root).lifecycleTest();
    expect(tested.status, `${edited}\n${tested.output}`).toBe(0);
    expect(tested.output).toContain(`s.yaml: ${state}`);
  });
});

describe('concurrent requests on a fresh instance share one resource, created once, each counted', () => {
  const sharedByAll = (runtime: string, family: Family) => async () => {
    const { root } = await generateProject({ runtime, initializer: false });
    const instance = family.build(root).instance(['concurrent']);
    expect(instance.status, instance.output).toBe(0);
    expect(new Set(instance.answers.map((answer) => answer.resource.id)).size).toBe(1);
    expect(instance.answers.map((answer) => answer.resource.uses).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(instance.output.match(/ lazily/g) ?? []).toHaveLength(1);
  };
  test.runIf(has.java)('java11: 8 requests at once', sharedByAll('java11', FAMILIES.java));
  test.runIf(has.dotnet)('dotnetcore3.1: 8 requests at once', sharedByAll('dotnetcore3.1', FAMILIES.dotnet));

  test.runIf(has.go)('go1: the generated test sends them under -race, which fails when the accessor does not lock', async () => {
    const { root } = await generateProject({ runtime: 'go1', initializer: false });
    expect(FAMILIES.go.build(root).lifecycleTest().stdout).toMatch(/^--- PASS: TestConcurrentRequests/m);
    const main = join(root, 'code', 'main.go');
    const code = readFileSync(main, 'utf8');
    const lock = 'func getResource(ctx context.Context) *Resource {\n\tmu.Lock()\n\tdefer mu.Unlock()\n';
    expect(code).toContain(lock);
    writeFileSync(main, code.replace(lock, 'func getResource(ctx context.Context) *Resource {\n'));
    const tested = FAMILIES.go.build(root).lifecycleTest();
    expect(tested.status).not.toBe(0);
    expect(tested.output).toMatch(/WARNING: DATA RACE/);
  });
});

// `add`/`remove` on hand-written projects of every runtime (test/fixtures/hooks): the s.yaml change is
// only the lines it needs, the edited code still compiles and its hooks run with the real toolchain
// (against the SDK stand-ins in test/stubs), the lifecycle doctor finds nothing to report after add or
// remove, a second run changes nothing, and remove + add round-trips.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { diagnose } from '../src/doctor/index.ts';
import { applyHookPlan, planAddHooks, planRemoveHooks, type AddHooksRequest } from '../src/hooks/index.ts';
import { tempDir } from './helpers/generate.ts';
import { addedLines, copyFixture, readTree } from './helpers/hook-fixtures.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const JAVA_STUBS = fileURLToPath(new URL('./stubs/java', import.meta.url));
const GO_STUBS = fileURLToPath(new URL('./stubs/go', import.meta.url));
const DOTNET_STUBS = fileURLToPath(new URL('./stubs/dotnet', import.meta.url));
const GO_ENV = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' };

const has = {
  node: true,
  python3: useToolchain('python3', ['--version'], 'apt-get install -y python3'),
  php: useToolchain('php', ['--version'], 'apt-get install -y php-cli'),
  javac: useToolchain('javac', ['-version'], 'a JDK 17'),
  go: useToolchain('go', ['version'], 'apt-get install -y golang-go'),
  mcs: useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs'),
};

type Result = { status: number | null; output: string };
const ok = (result: Result) => expect(result.status, result.output).toBe(0);

/** Loads a Node.js handler file and calls the named hooks the way FC does, with a fake context. */
function runNodeHooks(file: string, esm: boolean, hooks: string[]): Result {
  const script = `
    const ctx = { requestId: 'r1', logger: { info: (m) => console.log('log:', m) } };
    const m = ${esm ? `await import(${JSON.stringify(`file://${file}`)})` : `require(${JSON.stringify(file)})`};
    for (const name of ${JSON.stringify(hooks)}) {
      const out = await new Promise((resolve, reject) => {
        const result = m[name](ctx, (err, value) => (err ? reject(err) : resolve(value)));
        if (result && typeof result.then === 'function') result.then(resolve, reject);
      });
      console.log('ran', name, JSON.stringify(out));
    }`;
  const check = run('node', ['--check', file]);
  if (check.status !== 0) return check;
  return run('node', ['--input-type=module', '-e', esm ? script : `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(file)});\n${script}`]);
}

function runPythonHooks(dir: string, module: string, hooks: string[]): Result {
  const compiled = run('python3', ['-m', 'py_compile', join(dir, `${module}.py`)]);
  if (compiled.status !== 0) return compiled;
  return run('python3', ['-c', `import ${module}\nfor name in ${JSON.stringify(hooks)}: getattr(${module}, name)(None); print('ran', name)`], { cwd: dir });
}

function runPhpHooks(file: string, hooks: string[]): Result {
  const lint = run('php', ['-l', file]);
  if (lint.status !== 0) return lint;
  return run('php', ['-r', `class L { function info($m) { echo "log: $m\\n"; } } $GLOBALS['fcLogger'] = new L(); require ${JSON.stringify(file)}; foreach (${JSON.stringify(hooks).replace(/^\[/, 'array(').replace(/\]$/, ')')} as $h) { $h(array()); echo "ran $h\\n"; }`]);
}

/** Compiles the class against the fc-java-core stand-in; returns javap's view of what it implements. */
function compileJava(file: string, className: string): Result {
  const out = tempDir('fc-javac-');
  const compiled = run('javac', ['-d', out, '-sourcepath', JAVA_STUBS, file]);
  if (compiled.status !== 0) return compiled;
  return run('javap', ['-cp', out, className]);
}

/** gofmt-clean, go vet, go build against the SDK stand-in, then the binary runs the hooks as FC would. */
function buildAndRunGo(codeDir: string, invoke: string): Result {
  const work = join(tempDir('fc-go-hook-'), 'code');
  cpSync(codeDir, work, { recursive: true });
  const unformatted = run('gofmt', ['-l', '.'], { cwd: work });
  if (unformatted.status !== 0 || unformatted.stdout.trim() !== '') return { status: 1, output: `gofmt -l: ${unformatted.output}` };
  for (const args of [['mod', 'edit', `-replace=github.com/aliyun/fc-runtime-go-sdk=${GO_STUBS}`], ['vet', '.'], ['build', '-o', 'target/main', '.']]) {
    const step = run('go', args, { cwd: work, env: GO_ENV });
    if (step.status !== 0) return step;
  }
  return run(join(work, 'target', 'main'), [], { cwd: work, env: { FC_RUNTIME_API: 'stand-in', FC_STANDIN_INVOKE: invoke } });
}

/** Compiles the file with the Aliyun.Serverless.Core stand-in and a runner that calls the hook methods, then runs it with mono. */
function runDotnetHooks(file: string, type: string, methods: string[]): Result {
  const dir = tempDir('fc-mcs-');
  const runner = join(dir, 'Runner.cs');
  writeFileSync(runner, `public static class Runner { public static void Main() { var h = new ${type}(); ${methods.map((m) => `h.${m}(null); System.Console.WriteLine("ran ${m}");`).join(' ')} } }\n`);
  const stubs = run('find', [DOTNET_STUBS, '-name', '*.cs']).stdout.trim().split('\n');
  const compiled = run('mcs', ['-out:' + join(dir, 'hooks.exe'), '-main:Runner', ...stubs, file, runner]);
  if (compiled.status !== 0) return compiled;
  return run('mono', [join(dir, 'hooks.exe')]);
}

interface Case {
  fixture: string;
  runtime: string;
  request: Omit<AddHooksRequest, 'dir'>;
  /** The file the hooks go in, relative to the project (none for custom runtimes). */
  code?: string;
  /** Exactly the lines add puts into s.yaml (when it only adds). */
  sYamlAdded?: string[];
  /** Hook entries s.yaml has after add. */
  entries: { initializer: string; preStop: string };
  toolchain: boolean;
  /** Builds/loads the project's code and calls its hooks; the output must match `ran`. */
  check?: (root: string) => Result;
  ran?: RegExp[];
}

const CASES: Case[] = [
  {
    fixture: 'nodejs16-commonjs',
    runtime: 'nodejs16',
    request: { initializer: true, preStop: 'index.preStop', preStopTimeout: 30 },
    code: 'code/index.js',
    sYamlAdded: [
      '            instanceLifecycleConfig:',
      '                initializer:',
      '                    handler: index.initialize',
      '                    timeout: 60',
      '                preStop:',
      '                    handler: index.preStop',
      '                    timeout: 30',
    ],
    entries: { initializer: 'index.initialize', preStop: 'index.preStop' },
    toolchain: has.node,
    check: (root) => runNodeHooks(join(root, 'code/index.js'), false, ['initialize', 'preStop']),
    ran: [/log: initialize: initializer ran\nran initialize ""/, /ran preStop ""/],
  },
  {
    fixture: 'nodejs20-esm',
    runtime: 'nodejs20',
    request: { initializer: true, preStop: true },
    code: 'code/app.mjs',
    sYamlAdded: [
      '      instanceLifecycleConfig:',
      '        initializer:',
      '          handler: app.initialize',
      '          timeout: 60',
      '        preStop:',
      '          handler: app.preStop',
      '          timeout: 60',
    ],
    entries: { initializer: 'app.initialize', preStop: 'app.preStop' },
    toolchain: has.node,
    check: (root) => runNodeHooks(join(root, 'code/app.mjs'), true, ['initialize', 'preStop']),
    ran: [/ran initialize ""/, /ran preStop ""/],
  },
  {
    fixture: 'nodejs18-module-exports',
    runtime: 'nodejs18',
    request: { initializer: 'index.warmUp', preStop: 'index.flush' },
    code: 'code/index.js',
    sYamlAdded: ['        initializer:', '          handler: index.warmUp', '          timeout: 60'],
    entries: { initializer: 'index.warmUp', preStop: 'index.flush' },
    toolchain: has.node,
    check: (root) => runNodeHooks(join(root, 'code/index.js'), false, ['warmUp', 'flush']),
    ran: [/ran warmUp ""/, /ran flush ""/],
  },
  {
    fixture: 'python3.10',
    runtime: 'python3.10',
    request: { initializer: true, preStop: true },
    code: 'src/main.py',
    // Python's default hook names follow PEP 8, as FC's Python samples do.
    entries: { initializer: 'main.initialize', preStop: 'main.pre_stop' },
    toolchain: has.python3,
    check: (root) => runPythonHooks(join(root, 'src'), 'main', ['initialize', 'pre_stop']),
    ran: [/initialize: initializer ran\nran initialize/, /ran pre_stop/],
  },
  {
    fixture: 'php7.2',
    runtime: 'php7.2',
    request: { initializer: true, preStop: true },
    code: 'code/index.php',
    sYamlAdded: ['        initializer:', '          handler: index.initialize', '          timeout: 60', '        preStop:', '          handler: index.preStop', '          timeout: 60'],
    entries: { initializer: 'index.initialize', preStop: 'index.preStop' },
    toolchain: has.php,
    check: (root) => runPhpHooks(join(root, 'code/index.php'), ['initialize', 'preStop']),
    ran: [/log: initialize: initializer ran\nran initialize/, /ran preStop/],
  },
  {
    fixture: 'java11',
    runtime: 'java11',
    request: { initializer: true, preStop: true },
    code: 'src/main/java/com/acme/orders/OrderHandler.java',
    sYamlAdded: [
      '      instanceLifecycleConfig:',
      '        initializer:',
      '          handler: com.acme.orders.OrderHandler::initialize',
      '          timeout: 60',
      '        preStop:',
      '          handler: com.acme.orders.OrderHandler::preStop',
      '          timeout: 60',
    ],
    entries: { initializer: 'com.acme.orders.OrderHandler::initialize', preStop: 'com.acme.orders.OrderHandler::preStop' },
    toolchain: has.javac,
    check: (root) => compileJava(join(root, 'src/main/java/com/acme/orders/OrderHandler.java'), 'com.acme.orders.OrderHandler'),
    ran: [/class com\.acme\.orders\.OrderHandler implements com\.aliyun\.fc\.runtime\.StreamRequestHandler,com\.aliyun\.fc\.runtime\.FunctionInitializer,com\.aliyun\.fc\.runtime\.PreStopHandler/, /public void initialize\(com\.aliyun\.fc\.runtime\.Context\) throws java\.io\.IOException;/, /public void preStop\(com\.aliyun\.fc\.runtime\.Context\) throws java\.io\.IOException;/],
  },
  {
    fixture: 'go1',
    runtime: 'go1',
    request: { initializer: 'initialize', preStop: 'preStop' },
    code: 'code/main.go',
    sYamlAdded: ['        preStop:', '          handler: preStop', '          timeout: 60'],
    entries: { initializer: 'true', preStop: 'preStop' },
    toolchain: has.go,
    check: (root) => buildAndRunGo(join(root, 'code'), 'initializer,handler,preStop'),
    ran: [/initialize: initializer ran/, /preStop: preStop ran/],
  },
  {
    fixture: 'dotnetcore3.1',
    runtime: 'dotnetcore3.1',
    request: { initializer: true, preStop: true },
    code: 'OrdersApp/Program.cs',
    sYamlAdded: [
      '      instanceLifecycleConfig:',
      '        initializer:',
      '          handler: OrdersApp::Acme.Orders.Handler::Initialize',
      '          timeout: 60',
      '        preStop:',
      '          handler: OrdersApp::Acme.Orders.Handler::PreStop',
      '          timeout: 60',
    ],
    entries: { initializer: 'OrdersApp::Acme.Orders.Handler::Initialize', preStop: 'OrdersApp::Acme.Orders.Handler::PreStop' },
    toolchain: has.mcs,
    check: (root) => runDotnetHooks(join(root, 'OrdersApp/Program.cs'), 'Acme.Orders.Handler', ['Initialize', 'PreStop']),
    ran: [/ran Initialize\nPreStop: preStop ran\nran PreStop/],
  },
  {
    fixture: 'custom.debian10',
    runtime: 'custom.debian10',
    request: { initializer: true, preStop: true },
    sYamlAdded: ['      instanceLifecycleConfig:', '        initializer:', '          handler: "true"', '          timeout: 60', '        preStop:', '          handler: "true"', '          timeout: 60'],
    entries: { initializer: 'true', preStop: 'true' },
    toolchain: true,
  },
  {
    fixture: 'custom-container',
    runtime: 'custom-container',
    request: { initializer: 'true', preStop: 'true', initializerTimeout: 300 },
    sYamlAdded: ['      instanceLifecycleConfig:', '        initializer:', '          handler: "true"', '          timeout: 300', '        preStop:', '          handler: "true"', '          timeout: 60'],
    entries: { initializer: 'true', preStop: 'true' },
    toolchain: true,
  },
];

async function add(root: string, request: Omit<AddHooksRequest, 'dir'>) {
  const plan = await planAddHooks({ dir: root, ...request }, root);
  await applyHookPlan(plan);
  return plan;
}

function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((path) => before[path] !== after[path]).sort();
}

describe.each(CASES)('$fixture', (c) => {
  test.runIf(c.toolchain)('add: s.yaml gets only the lines it needs, the code gets the hooks and runs them; a second add changes nothing', async () => {
    const root = copyFixture(c.fixture);
    const before = readTree(root);
    const plan = await add(root, c.request);
    const after = readTree(root);
    expect(changedFiles(before, after)).toEqual(['s.yaml', ...(c.code ? [c.code] : [])].sort());
    if (c.sYamlAdded) expect(addedLines(before['s.yaml']!, after['s.yaml']!)).toEqual(c.sYamlAdded);
    const lifecycle = parse(after['s.yaml']!).resources[plan.resource].props.instanceLifecycleConfig;
    expect({ initializer: lifecycle.initializer.handler, preStop: lifecycle.preStop.handler }).toEqual(c.entries);
    if (c.check) {
      const result = c.check(root);
      ok(result);
      for (const pattern of c.ran!) expect(result.output).toMatch(pattern);
    }

    expect((await diagnose(root)).findings, 'lifecycle doctor after add').toEqual([]);

    const again = await planAddHooks({ dir: root, ...c.request }, root);
    expect(again.changes).toEqual([]);
    expect(again.notes.filter((note) => /already/.test(note)).length).toBeGreaterThanOrEqual(2);
  });

  test.runIf(c.toolchain)('remove: s.yaml sends the hooks empty with a comment, the code keeps them with a comment and still builds; add brings them back', async () => {
    const root = copyFixture(c.fixture);
    await add(root, c.request);
    const added = readTree(root);
    const plan = await planRemoveHooks({ dir: root, initializer: true, preStop: true }, root);
    await applyHookPlan(plan);
    const removed = readTree(root);
    const lifecycle = parse(removed['s.yaml']!).resources[plan.resource].props.instanceLifecycleConfig;
    expect(lifecycle.initializer).toMatchObject({ handler: '', command: [] });
    expect(lifecycle.preStop.handler).toBe('');
    expect(lifecycle.preStop).not.toHaveProperty('command');
    expect(removed['s.yaml']).toMatch(/# Switched off by `create-fc-lifecycle remove`: FC turns a deployed hook off only when its handler\n/);
    if (c.code) {
      // Only comment lines are added to the code: the functions stay.
      const comments = addedLines(added[c.code]!, removed[c.code]!);
      expect(comments).toHaveLength(2);
      for (const line of comments) expect(line).toMatch(/^\s*(\/\/|#) create-fc-lifecycle: the (Initializer|PreStop) hook is switched off in s\.yaml/);
    }
    if (c.check) ok(c.check(root));
    expect((await diagnose(root)).findings, 'lifecycle doctor after remove').toEqual([]);
    expect((await planRemoveHooks({ dir: root, initializer: true, preStop: true }, root)).changes).toEqual([]);

    await add(root, { initializer: c.entries.initializer, preStop: c.entries.preStop });
    expect(readTree(root)).toEqual(added);
  });
});

test('a custom runtime: s.yaml only, and the route the server must serve is reported (found or not)', async () => {
  const root = copyFixture('custom.debian10');
  const plan = await planAddHooks({ dir: root, initializer: true, preStop: true }, root);
  expect(plan.changes.map((change) => change.path)).toEqual([join(root, 's.yaml')]);
  expect(plan.notes).toContain('Initializer: FC calls POST /initialize; code/server.py:8 mentions that route');
  expect(plan.warnings).toEqual([
    'PreStop: FC will call GET /pre-stop on your server, and no code in code mentions /pre-stop: add a route that answers it with 2xx before deploying (a non-2xx answer fails the hook)',
  ]);
});

test.runIf(has.javac)('the Java fixture compiles before the edit too (the stand-ins are complete enough)', () => {
  const root = copyFixture('java11');
  ok(compileJava(join(root, 'src/main/java/com/acme/orders/OrderHandler.java'), 'com.acme.orders.OrderHandler'));
  expect(readFileSync(join(root, 'src/main/java/com/acme/orders/OrderHandler.java'), 'utf8')).not.toMatch(/FunctionInitializer/);
});

// `--trigger http` on the built-in runtimes: each family's project is generated to disk and its own
// lifecycle test run with the real toolchain; that test feeds events/http.json (FC3's HTTP event, body
// base64) to the handler around the hooks s.yaml switches on and asserts the status code and the
// decoded body. A handler that ignores isBase64Encoded must make it fail.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, type Io } from '../src/cli/main.ts';
import { hookDefaults } from '../src/hook-entries.ts';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { nodejs } from '../src/runtimes/nodejs/generate.ts';
import { dotnet } from '../src/runtimes/dotnet/generate.ts';
import { go } from '../src/runtimes/go/generate.ts';
import { java } from '../src/runtimes/java/generate.ts';
import { php } from '../src/runtimes/php/generate.ts';
import { python } from '../src/runtimes/python/generate.ts';
import { generateProject, HOOK_COMBINATIONS, tempDir } from './helpers/generate.ts';
import { runCommand } from './helpers/run-cli.ts';
import { buildDotnetStandIns, buildJavaStandIn, DOTNET_LIBRARIES, GO_ENV, goWorkCopy } from './helpers/stand-ins.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasPython = useToolchain('python3', ['--version'], 'apt-get install -y python3');
const hasPhp = useToolchain('php', ['--version'], 'php-cli');
const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');
const hasJava = useToolchain('javac', ['-version'], 'apt-get install -y openjdk-17-jdk-headless') && useToolchain('java', ['-version'], 'apt-get install -y openjdk-17-jdk-headless');

/** A Java http project compiled with javac (warnings are errors, at the pom's release) against the fc-java-core stand-in, then its lifecycle test run. */
async function javaChecks(answers: { runtime: string } & Record<string, unknown>, edit?: { from: string; to: string }) {
  const { root } = await generateProject({ trigger: 'http', ...answers });
  const app = join(root, 'src/main/java/example/App.java');
  if (edit) {
    const text = readFileSync(app, 'utf8');
    expect(text).toContain(edit.from);
    writeFileSync(app, text.replace(edit.from, edit.to));
  }
  const stubs = buildJavaStandIn();
  const out = tempDir('fc-java-http-');
  const release = answers.runtime === 'java8' ? '8' : '11';
  const sources = [app, join(root, 'src/test/java/example/AppLifecycleTest.java')];
  const built = run('javac', ['-Xlint:all', '-Werror', '--release', release, '-cp', stubs, '-d', out, ...sources]);
  expect(built.status, built.output).toBe(0);
  return run('java', ['-cp', `${out}:${stubs}`, 'example.AppLifecycleTest'], { cwd: root });
}

/** A Go http project against the SDK stand-in: gofmt, go vet, the build s.yaml runs, then the generated go test. */
async function goChecks(answers: Record<string, unknown>, edit?: { from: string; to: string }) {
  const { root } = await generateProject({ trigger: 'http', ...answers });
  const work = goWorkCopy(root);
  if (edit) {
    const main = join(work, 'main.go');
    const text = readFileSync(main, 'utf8');
    expect(text).toContain(edit.from);
    writeFileSync(main, text.replace(edit.from, edit.to));
  }
  const gofmt = run('gofmt', ['-l', '.'], { cwd: work });
  expect(gofmt.stdout, 'gofmt -l lists unformatted files').toBe('');
  const vet = run('go', ['vet', './...'], { cwd: work, env: GO_ENV });
  expect(vet.status, vet.output).toBe(0);
  const build = run('go', ['build', '-o', 'target/main', 'main.go'], { cwd: work, env: { ...GO_ENV, CGO_ENABLED: '0' } });
  expect(build.status, build.output).toBe(0);
  return run('go', ['test', '-v', './...'], { cwd: work, env: GO_ENV });
}

/** `run --event events/http.json --invocations 2` in a project: both invocations answer 200, echoing the decoded sample body. */
async function expectRunAnswersSample(project: string) {
  const result = await runCommand(['--event', 'events/http.json', '--invocations', '2', '--json'], project);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  const invocations = JSON.parse(result.stdout).steps.filter((step: { kind: string }) => step.kind === 'invoke');
  expect(invocations).toHaveLength(2);
  for (const step of invocations) {
    const response = JSON.parse(step.result);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ method: 'POST', path: '/hello', body: '{"greeting":"hello"}' });
  }
}

/** Generates an http project, applies `edit` to one of its files, runs its test command; returns the result. */
async function runGenerated(answers: Record<string, unknown>, command: [string, string[]], edit?: { file: string; from: string | RegExp; to: string }) {
  const { root } = await generateProject({ trigger: 'http', ...answers });
  if (edit) {
    const path = join(root, edit.file);
    const text = readFileSync(path, 'utf8');
    expect(text, `${edit.file} has the code the edit breaks`).toMatch(edit.from);
    writeFileSync(path, text.replace(edit.from, edit.to));
  }
  return run(command[0], command[1], { cwd: root });
}

describe.each(nodejs.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: the generated lifecycle test answers the sample HTTP event', async ({ answers }) => {
    const result = await runGenerated({ runtime, ...answers }, ['npm', ['test', '--silent']]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/# fail 0/);
  });
});

test.each(['nodejs16', 'nodejs20'])('%s: a handler that does not decode the base64 body fails the generated test', async (runtime) => {
  const entry = runtime === 'nodejs16' ? 'code/index.js' : 'code/index.mjs';
  const result = await runGenerated({ runtime }, ['npm', ['test', '--silent']], { file: entry, from: /request\.isBase64Encoded \?/, to: 'false ?' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/the base64 body is decoded/);
});

describe.runIf(hasPython).each(python.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: the generated unittest suite answers the sample HTTP event', async ({ answers }) => {
    const result = await runGenerated({ runtime, ...answers }, ['python3', ['-m', 'unittest', 'discover', '-s', 'tests', '-v']]);
    expect(result.status, result.output).toBe(0);
    expect(result.stderr).toMatch(/^OK$/m);
  });
});

test.runIf(hasPython)('python: a handler that does not decode the base64 body fails the generated test', async () => {
  const result = await runGenerated({ runtime: 'python3.12' }, ['python3', ['-m', 'unittest', 'discover', '-s', 'tests']], { file: 'code/index.py', from: 'if request.get("isBase64Encoded"):', to: 'if False:' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/the base64 body is decoded/);
});

describe.runIf(hasPhp).each(php.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: the generated PHP test answers the sample HTTP event', async ({ answers }) => {
    const result = await runGenerated({ runtime, ...answers }, ['php', ['tests/lifecycle_test.php']]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/ok - req-1: the base64 body is decoded/);
    expect(result.output).not.toMatch(/not ok/);
  });
});

test.runIf(hasPhp)('php: a handler that does not decode the base64 body fails the generated test', async () => {
  const result = await runGenerated({ runtime: 'php7.2' }, ['php', ['tests/lifecycle_test.php']], { file: 'code/index.php', from: "if (!empty($request['isBase64Encoded'])) {", to: 'if (false) {' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/not ok - req-1: the base64 body is decoded/);
});

describe.runIf(hasGo).each(go.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: gofmt, go vet, the build and the generated go test (sample HTTP event) pass', async ({ answers }) => {
    const tested = await goChecks({ runtime, ...answers });
    expect(tested.status, tested.output).toBe(0);
    expect(tested.stdout).toMatch(/^--- PASS: TestOneInstance/m);
    expect(tested.stdout).toMatch(/^--- PASS: TestConcurrentRequests/m);
  });
});

test.runIf(hasGo)('go: run --event events/http.json builds the binary and every invocation answers 200 with the decoded body', async () => {
  const { root } = await generateProject({ runtime: 'go1', trigger: 'http' });
  await expectRunAnswersSample(dirname(goWorkCopy(root)));
});

test.runIf(hasGo)('go: a handler that does not decode the base64 body fails the generated test', async () => {
  const tested = await goChecks({ runtime: 'go1' }, { from: 'if request.IsBase64Encoded {', to: 'if false && request.IsBase64Encoded {' });
  expect(tested.status).not.toBe(0);
  expect(tested.stdout).toMatch(/the base64 body is decoded/);
});

describe.runIf(hasJava).each(java.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: compiles against fc-java-core and the generated test answers the sample HTTP event', async ({ answers }) => {
    const result = await javaChecks({ runtime, ...answers });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^ok - req-1: the base64 body is decoded$/m);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });
});

test.runIf(hasJava)('java: a handler that does not decode the base64 body fails the generated test', async () => {
  const result = await javaChecks({ runtime: 'java11' }, { from: 'if (Boolean.TRUE.equals(JsonReader.at(request, "isBase64Encoded"))) {', to: 'if (false) {' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/not ok - req-1: the base64 body is decoded/);
});

const hasMono = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs') && useToolchain('mono', ['--version'], 'apt-get install -y mono-runtime');

/** A C# http project compiled with mcs (warnings are errors) against the stand-ins, then its lifecycle test run under mono. */
async function dotnetChecks(answers: Record<string, unknown>, edit?: { from: string; to: string }) {
  const { root } = await generateProject({ trigger: 'http', ...answers });
  const dirs = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const project = dirs.find((dir) => dir !== 'LifecycleTest' && readdirSync(join(root, dir)).some((name) => name.endsWith('.csproj')))!;
  const sources = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.cs')).map((f) => join(root, dir, f));
  if (edit) {
    const [app] = sources(project);
    const text = readFileSync(app!, 'utf8');
    expect(text).toContain(edit.from);
    writeFileSync(app!, text.replace(edit.from, edit.to));
  }
  const libraries = buildDotnetStandIns();
  const out = tempDir('fc-dotnet-http-');
  for (const library of DOTNET_LIBRARIES) copyFileSync(join(libraries, library), join(out, library));
  const refs = DOTNET_LIBRARIES.map((library) => `-r:${join(out, library)}`);
  const app = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(out, `${project}.exe`)}`, ...refs, ...sources(project)]);
  expect(app.status, app.output).toBe(0);
  const tests = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(out, 'LifecycleTest.exe')}`, `-r:${join(out, `${project}.exe`)}`, ...refs, ...sources('LifecycleTest')]);
  expect(tests.status, tests.output).toBe(0);
  return run('mono', [join(out, 'LifecycleTest.exe')], { cwd: root });
}

describe.runIf(hasMono).each(dotnet.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: compiles with mcs and the generated test answers the sample HTTP event under mono', async ({ answers }) => {
    const result = await dotnetChecks({ runtime, ...answers });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^ok - req-1: the base64 body is decoded$/m);
    expect(result.stdout).not.toMatch(/not ok/);
  });
});

test.runIf(hasMono)('dotnet: a handler that does not decode the base64 body fails the generated test', async () => {
  const result = await dotnetChecks({ runtime: 'dotnetcore3.1' }, { from: 'if (true.Equals(JsonReader.At(request, "isBase64Encoded")))', to: 'if (JsonReader.At(request, "isBase64Encoded") == null)' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/not ok - req-1: the base64 body is decoded/);
});

describe('create-fc-lifecycle run --event events/http.json', () => {
  test.each(['nodejs16', 'nodejs20', ...(hasPython ? ['python3.12'] : []), ...(hasPhp ? ['php7.2'] : [])])('%s: every invocation answers the sample HTTP event with 200 and the decoded body', async (runtime) => {
    const { root } = await generateProject({ runtime, trigger: 'http' });
    await expectRunAnswersSample(root);
  });
});

test.each([...(hasPython ? ['python3.12'] : []), ...(hasPhp ? ['php7.2'] : []), 'nodejs20'])('%s: a body that is not UTF-8 (an upload) is answered with 200, not an error', async (runtime) => {
  const { root } = await generateProject({ runtime, trigger: 'http' });
  const event = JSON.parse(readFileSync(join(root, 'events', 'http.json'), 'utf8'));
  writeFileSync(join(root, 'events', 'upload.json'), JSON.stringify({ ...event, body: Buffer.from([0xff, 0xfe, 0x41]).toString('base64') }));
  const result = await runCommand(['--event', 'events/upload.json', '--json'], root);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  const response = JSON.parse(JSON.parse(result.stdout).steps.find((step: { kind: string }) => step.kind === 'invoke').result);
  expect(response.statusCode).toBe(200);
  expect(JSON.parse(response.body).body).toBe('\ufffd\ufffdA');
});

describe('doctor and the hook editor understand an http project', () => {
  test.each(RUNTIMES.map((definition) => definition.ids.at(-1)!))('%s: doctor finds no problem; add puts the initializer back', async (runtime) => {
    const { root } = await generateProject({ runtime, trigger: 'http', initializer: false });
    let output = '';
    const io: Io = { stdout: (text) => (output += text), stderr: (text) => (output += text), interactive: false, cwd: root };
    expect(await main(['doctor', '.'], io), output).toBe(0);
    const definition = RUNTIMES.find((d) => d.ids.includes(runtime))!;
    expect(await main(['add', '.', '--initializer', hookDefaults(definition, definition.defaults.handler).initializer], io), output).toBe(0);
    expect(await main(['doctor', '.'], io), output).toBe(0);
    expect(readFileSync(join(root, 's.yaml'), 'utf8')).toMatch(/triggerType: http/);
    if (runtime.startsWith('nodejs')) expect(run('npm', ['test', '--silent'], { cwd: root }).status).toBe(0);
  });
});

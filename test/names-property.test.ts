// Issue 11, class 10: a name the generator accepts builds a project that works. Draws names from each
// language's legal space (seeded, a bounded count; 30% of them from the names that broke projects before:
// globals, builtins, standard library modules, PHP functions, JDK packages, C# keywords and assemblies,
// Go module paths), and for every set of names resolveSpec accepts, generates the project and runs or
// compiles it with the real toolchain. Refused names need no toolchain. NAMES_SEED and NAMES_COUNT
// (a multiplier) change the draw.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { resolveSpec } from '../src/runtimes/generators.ts';
import type { Answers } from '../src/spec.ts';
import { generateProject, tempDir } from './helpers/generate.ts';
import { run, useToolchain } from './helpers/toolchain.ts';
import { namesIn } from '../src/name-set.ts';
import { NODE_GLOBAL_NAMES } from '../src/runtimes/nodejs/node-globals.ts';
import { PHP_INTERNAL_FUNCTION_NAMES } from '../src/runtimes/php/php-internal-functions.ts';
import { PYTHON_BUILTIN_NAMES } from '../src/runtimes/python/python-builtins.ts';
import { PYTHON_STDLIB_MODULE_NAMES } from '../src/runtimes/python/python-stdlib-modules.ts';

const STUBS = fileURLToPath(new URL('./stubs', import.meta.url));
const SEED = Number(process.env.NAMES_SEED ?? 11);
const SCALE = Number(process.env.NAMES_COUNT ?? 1);

/** mulberry32: a small seeded generator, so a failing draw can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
/** A name from `risky` (30%) or a random one of `first` then up to 11 of `rest` characters. */
function draw(rng: Rng, risky: readonly string[], first: string, rest: string): string {
  if (rng() < 0.3) return pick(rng, risky);
  let name = pick(rng, [...first]);
  for (let n = Math.floor(rng() * 12); n > 0; n -= 1) name += pick(rng, [...rest]);
  return name;
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const IDENT_START = `${LETTERS}_`;
const IDENT = `${LETTERS}_0123456789`;

/** One draw: answers, and the command that checks the generated project (run from its root). */
interface Case {
  answers: Answers;
  check: (root: string) => Promise<{ status: number | null; output: string }> | { status: number | null; output: string };
}

function spawnRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

/** Names a case puts in given slots instead of drawing them (the review's examples). */
type Slots = Partial<Record<string, string>>;

/**
 * Checks the review's examples (each in its slot, the other names drawn), then `count` drawn cases:
 * generates those resolveSpec accepts and checks them two at a time (the machine has 2 cores).
 * Returns the failures; prints the counts.
 */
async function property(language: string, count: number, examples: Slots[], makeCase: (rng: Rng, slots: Slots) => Case): Promise<string[]> {
  const rng = random(SEED + language.length * 7919);
  const accepted: { answers: Answers; check: Case['check'] }[] = [];
  let refused = 0;
  const failures: string[] = [];
  const draws: Slots[] = [...examples, ...Array.from({ length: count }, () => ({}))];
  for (const slots of draws) {
    const item = makeCase(rng, slots);
    try {
      resolveSpec({ dir: 'p', ...item.answers }, '/w');
      accepted.push(item);
    } catch (error) {
      if (!(error instanceof InputError)) failures.push(`${JSON.stringify(item.answers)}: not an InputError: ${String(error)}`);
      refused += 1;
    }
  }
  const queue = [...accepted];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const { root } = await generateProject({ ...item.answers });
      const result = await item.check(root);
      if (result.status !== 0) failures.push(`${JSON.stringify(item.answers)}:\n${result.output.slice(-1500)}`);
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`names-property ${language} (seed ${SEED}): ${examples.length} examples + ${count} drawn, ${refused} refused, ${accepted.length} generated and checked, ${failures.length} failed`);
  return failures;
}

const hasNode = true;
const hasPython = useToolchain('python3', ['--version']);
const hasPhp = useToolchain('php', ['--version'], 'apt-get install -y php-cli');
const hasJava = useToolchain('javac', ['-version'], 'a JDK 17');
const hasMcs = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs');
const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');

/** Three distinct function names (a clash is refused anyway; distinct ones test more). */
function threeNames(make: () => string): [string, string, string] {
  return [make(), make(), make()];
}

const JS_RISKY = [...namesIn(NODE_GLOBAL_NAMES), 'then', '__proto__', 'constructor', 'prototype', 'toString', 'require', 'module', 'exports',
  '__dirname', '__filename', 'default', 'arguments', 'eval', 'await', 'yield', 'let', 'static', 'async', 'of', 'get', 'set',
  'resource', 'createResource', 'callback', 'context', 'event', 'handler', '$', '_', 'fn', 'assert', 'test'];
const JS_FILES = ['index', 'package', 'node_modules', 'lifecycle', 'test', 'x-y', '0', '_', 'constructor', 'index-', '__proto__'];

describe.runIf(hasNode)('Node.js', () => {
  test(`accepted names run their generated lifecycle test (node --test)`, async () => {
    const examples = ['then', 'JSON', 'Error', 'Promise', 'console', 'process', 'require', '__proto__'].map((fn) => ({ fn }));
    const failures = await property('nodejs', 60 * SCALE, examples, (rng, slots) => {
      const fn = () => draw(rng, JS_RISKY, `${IDENT_START}$`, `${IDENT}$`);
      const file = draw(rng, JS_FILES, `${IDENT}`, `${IDENT}-`);
      const [h, i, p] = threeNames(fn);
      return {
        answers: { runtime: pick(rng, ['nodejs16', 'nodejs20']), handler: `${file}.${h}`, initializer: `${file}.${slots.fn ?? i}`, preStop: `${file}.${p}` },
        check: (root) => spawnRun(process.execPath, ['--test', 'test/'], root),
      };
    });
    expect(failures).toEqual([]);
  });
});

const PY_RISKY = [...namesIn(PYTHON_BUILTIN_NAMES), 'match', 'case', 'type', '_', 'self', 'cls', 'context', 'event', 'logger', 'json', 'logging',
  'resource', 'create_resource', 'os', 'sys', 'unittest', 'main', '__init__', '__name__', 'handler'];
const PY_FILES = [...namesIn(PYTHON_STDLIB_MODULE_NAMES), 'index', 'tests', 'test_lifecycle', 'conftest', '__init__', '__main__', 'setup', 'app', 'flask'];

describe.runIf(hasPython)('Python', () => {
  test('accepted names run their generated unittest', async () => {
    const examples = [...['logging', 'os', 'json', 'typing'].map((file) => ({ file })), ...['print', 'len', 'open', 'str', 'Exception'].map((fn) => ({ fn }))];
    const failures = await property('python', 60 * SCALE, examples, (rng, slots) => {
      const fn = () => draw(rng, PY_RISKY, IDENT_START, IDENT);
      const file = slots.file ?? draw(rng, PY_FILES, IDENT_START, IDENT);
      const [h, i, p] = threeNames(fn);
      return {
        answers: { runtime: 'python3.12', handler: `${file}.${h}`, initializer: `${file}.${slots.fn ?? i}`, preStop: `${file}.${p}` },
        check: (root) => spawnRun('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], root),
      };
    });
    expect(failures).toEqual([]);
  });
});

const PHP_RISKY = [...namesIn(PHP_INTERNAL_FUNCTION_NAMES), 'handler', 'initialize', 'fc_log', '__construct', '__invoke', 'main', 'exit', 'die', 'list', 'array',
  'callable', 'iterable', 'object', 'mixed', 'never', 'void', 'null', 'true', 'false', 'self', 'parent', 'static', 'int', 'float',
  'bool', 'string', 'enum', 'readonly', 'match', 'each', 'create_function', '__autoload', 'Strlen', 'JSON_ENCODE'];

describe.runIf(hasPhp)('PHP', () => {
  test('accepted names run their generated lifecycle test (php)', async () => {
    const examples = ['strlen', 'json_encode', 'time', 'Count', 'each'].map((fn) => ({ fn }));
    const failures = await property('php', 60 * SCALE, examples, (rng, slots) => {
      const fn = () => draw(rng, PHP_RISKY, IDENT_START, IDENT);
      const file = draw(rng, ['index', 'lifecycle_test', 'x-y', '0', 'fc'], IDENT, `${IDENT}-`);
      const [h, i, p] = threeNames(fn);
      return {
        answers: { runtime: 'php7.2', handler: `${file}.${h}`, initializer: `${file}.${slots.fn ?? i}`, preStop: `${file}.${p}` },
        check: (root) => spawnRun('php', ['tests/lifecycle_test.php'], root),
      };
    });
    expect(failures).toEqual([]);
  });
});

const JAVA_PACKAGES = ['example', 'java.x', 'javax.sql', 'javax.foo', 'org.w3c.dom', 'org.xml.sax', 'jdk.internal', 'jdk.internal.misc', 'sun.misc',
  'com.sun.net', 'com.aliyun.fc.runtime', 'a.b.c', 'Example', 'var', 'record', 'yield', 'sealed', 'permits', 'module', 'open', 'exports',
  'requires', 'to', 'with', 'transitive', 'org.junit'];
const JAVA_CLASSES = ['App', 'String', 'Object', 'Context', 'Thread', 'Math', 'Integer', 'Exception', 'Runtime', 'Override', 'Deprecated',
  'Record', 'Enum', 'Void', 'Module', 'Process', 'Character', 'Iterable', 'Runnable', 'var', 'record', 'Main', 'AppLifecycleTest',
  'LifecycleTest', 'Answer', 'Proxy', 'List', 'Map', 'Arrays', 'Optional', 'Json', 'Charset', 'Base64', 'Handler'];
const FUNCTION_NAMES = ['a--b', 'a-', 'x_', 'my-fn', 'A', '_', 'a---', 'fn--1'];

let javaStubs = '';
describe.runIf(hasJava)('Java', () => {
  beforeAll(() => {
    javaStubs = tempDir('fc-names-java-stubs-');
    const sources = run('find', [join(STUBS, 'java'), '-name', '*.java']).stdout.trim().split('\n');
    const built = run('javac', ['--release', '8', '-d', javaStubs, ...sources]);
    if (built.status !== 0) throw new Error(built.output);
  });
  test('accepted names compile (javac, the pom target release), run their lifecycle test, and pom.xml is well-formed XML', async () => {
    const examples: Slots[] = [{ pkg: 'javax.sql' }, { pkg: 'org.w3c.dom' }, { pkg: 'jdk.internal' }, { functionName: 'a--b' }, { functionName: 'fn-' }];
    const failures = await property('java', 10 * SCALE, examples, (rng, slots) => {
      const pkg = slots.pkg ?? (rng() < 0.3 ? pick(rng, JAVA_PACKAGES) : `${draw(rng, [], 'abcdefghij', IDENT)}.${draw(rng, [], 'abcdefghij', IDENT)}`);
      const cls = draw(rng, JAVA_CLASSES, LETTERS, IDENT);
      const runtime = pick(rng, ['java8', 'java11']);
      return {
        answers: {
          runtime,
          functionName: slots.functionName ?? draw(rng, FUNCTION_NAMES, IDENT_START, `${IDENT}-`),
          handler: `${pkg}.${cls}::handleRequest`, initializer: `${pkg}.${cls}::initialize`, preStop: `${pkg}.${cls}::preStop`,
        },
        async check(root) {
          const pom = await spawnRun('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', join(root, 'pom.xml')], root);
          if (pom.status !== 0) return { status: pom.status, output: `pom.xml: ${pom.output}` };
          const out = join(tempDir('fc-names-java-'), 'classes');
          mkdirSync(out);
          const sources = run('find', [join(root, 'src'), '-name', '*.java']).stdout.trim().split('\n');
          const release = runtime === 'java8' ? '8' : '11';
          const compiled = await spawnRun('javac', ['--release', release, '-cp', javaStubs, '-d', out, ...sources], root);
          if (compiled.status !== 0) return compiled;
          return spawnRun('java', ['-cp', `${out}:${javaStubs}`, `${pkg}.${cls}LifecycleTest`], root);
        },
      };
    });
    expect(failures).toEqual([]);
  });
});

const CS_ASSEMBLIES = ['System', 'System.Core', 'mscorlib', 'netstandard', 'Aliyun.Serverless.Core', 'Microsoft.CSharp', 'Newtonsoft.Json',
  'LifecycleTest', 'HelloFcApp', 'App', 'Hello', 'Example', 'Stream', 'Console', 'Task', 'system.io'];
const CS_NAMESPACES = ['Example', 'System', 'Aliyun', 'Microsoft', 'Console', 'Task', 'Stream', 'Encoding', 'IO', 'Text', 'Threading', 'Linq',
  'Collections', 'Acme.System', 'A.B', 'Hello', 'HelloFcApp', 'LifecycleTest', 'global', 'var', 'async', 'await', 'dynamic', 'nameof',
  '__arglist', '__makeref', 'value', 'Program', 'Acme.Aliyun', 'Acme.Microsoft'];
const CS_CLASSES = ['Hello', 'Program', 'Console', 'Task', 'String', 'Object', 'Math', 'Exception', 'Environment', 'Convert', 'Json',
  'Resource', 'Example', 'LifecycleTest', 'var', 'dynamic', '__arglist', '__reftype', 'Action', 'Func', 'Thread', 'Guid'];
const CS_METHODS = ['Initialize', 'PreStop', 'StreamHandler', 'Main', 'ToString', 'GetHashCode', 'Equals', 'GetType', 'Finalize',
  'MemberwiseClone', 'Dispose', 'Invoke', 'Handle', 'Resource', 'CreateResource', 'Json', 'Hello', 'var', 'async', 'nameof', '__arglist', '__refvalue'];

let csLibraries = '';
describe.runIf(hasMcs)('C#', () => {
  const LIBRARIES = ['Microsoft.Extensions.Logging.Abstractions', 'Aliyun.Serverless.Core'];
  beforeAll(() => {
    csLibraries = tempDir('fc-names-cs-stubs-');
    for (const [index, name] of LIBRARIES.entries()) {
      const dir = join(STUBS, 'dotnet', name);
      const sources = readdirSync(dir).filter((f) => f.endsWith('.cs')).map((f) => join(dir, f));
      const refs = LIBRARIES.slice(0, index).map((r) => `-r:${join(csLibraries, `${r}.dll`)}`);
      const built = run('mcs', ['-target:library', `-out:${join(csLibraries, `${name}.dll`)}`, ...refs, ...sources]);
      if (built.status !== 0) throw new Error(built.output);
    }
  });
  test('accepted names compile (mcs) and their lifecycle test passes (mono)', async () => {
    const examples: Slots[] = [{ method: '__arglist' }, { namespace: 'Acme.System' }, { assembly: 'System' }, { assembly: 'Aliyun.Serverless.Core' }];
    const failures = await property('csharp', 10 * SCALE, examples, (rng, slots) => {
      const assembly = slots.assembly ?? draw(rng, CS_ASSEMBLIES, LETTERS, IDENT);
      const namespace = slots.namespace ?? draw(rng, CS_NAMESPACES, LETTERS, IDENT);
      const type = `${namespace}.${draw(rng, CS_CLASSES, LETTERS, IDENT)}`;
      const [h, i, p] = threeNames(() => draw(rng, CS_METHODS, LETTERS, IDENT));
      return {
        answers: { runtime: 'dotnetcore3.1', handler: `${assembly}::${type}::${h}`, initializer: `${assembly}::${type}::${slots.method ?? i}`, preStop: `${assembly}::${type}::${p}` },
        async check(root) {
          const out = tempDir('fc-names-cs-');
          for (const library of LIBRARIES) cpSync(join(csLibraries, `${library}.dll`), join(out, `${library}.dll`));
          const refs = LIBRARIES.map((library) => `-r:${join(out, `${library}.dll`)}`);
          const sources = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.cs')).map((f) => join(root, dir, f));
          const app = await spawnRun('mcs', ['-target:exe', `-out:${join(out, `${assembly}.exe`)}`, ...refs, ...sources(assembly)], root);
          if (app.status !== 0) return app;
          const tests = await spawnRun('mcs', ['-target:exe', `-out:${join(out, 'LifecycleTest.exe')}`, `-r:${join(out, `${assembly}.exe`)}`, ...refs, ...sources('LifecycleTest')], root);
          if (tests.status !== 0) return tests;
          return spawnRun('mono', [join(out, 'LifecycleTest.exe')], root);
        },
      };
    });
    expect(failures).toEqual([]);
  });
});

const GO_FUNCTIONS = ['std', 'cmd', 'all', 'go', 'con', 'aux', 'nul', 'prn', 'com1', 'lpt9', 'CON', 'Aux', 'internal', 'vendor', 'C',
  'fmt', 'context', 'testing', 'main', 'my-fn', 'a--b', 'x-', 'toolchain'];
const GO_BINARIES = ['main', 'a.b', 'x-y', 'con', 'go', '_', 'bootstrap', 'main.go', 'a..b'];
const GO_ENV = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' };

describe.runIf(hasGo)('Go', () => {
  test('accepted names build (go vet, the pre-deploy go build) and their go test passes', async () => {
    const examples = ['std', 'cmd', 'all', 'go', 'con', 'aux', 'nul'].map((functionName) => ({ functionName }));
    const failures = await property('go', 6 * SCALE, examples, (rng, slots) => {
      const handler = draw(rng, GO_BINARIES, IDENT, `${IDENT}.-`);
      return {
        answers: { runtime: 'go1', functionName: slots.functionName ?? draw(rng, GO_FUNCTIONS, IDENT_START, `${IDENT}-`), handler, initializer: draw(rng, GO_BINARIES, IDENT, `${IDENT}.-`), preStop: draw(rng, GO_BINARIES, IDENT, `${IDENT}.-`) },
        async check(root) {
          const code = join(root, 'code');
          const replaced = await spawnRun('go', ['mod', 'edit', `-replace=github.com/aliyun/fc-runtime-go-sdk=${join(STUBS, 'go')}`], code, GO_ENV);
          if (replaced.status !== 0) return replaced;
          const built = await spawnRun('go', ['build', '-o', join(tempDir('fc-names-go-'), handler), '.'], code, GO_ENV);
          if (built.status !== 0) return built;
          return spawnRun('go', ['test', './...'], code, GO_ENV);
        },
      };
    });
    expect(failures).toEqual([]);
  });
});

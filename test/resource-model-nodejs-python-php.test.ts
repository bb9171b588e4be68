// Issue 9 for the Node.js, Python and PHP runtimes: whatever the hooks in s.yaml are, the handler
// reaches the shared resource through its accessor, which creates it once when no initializer ran. Each
// project is generated, edited with the real `add`/`remove` commands, then its handler is run the way
// FC runs it with no initializer (two requests on one instance, with node, python3 or php), its
// generated lifecycle test is run, and the doctor reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose } from '../src/doctor/index.ts';
import type { Answers } from '../src/spec.ts';
import { generateProject, specErrorOf } from './helpers/generate.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasPython = useToolchain('python3', ['--version'], 'apt-get install -y python3');
const hasPhp = useToolchain('php', ['--version'], 'apt-get install -y php-cli');

/** The ways a project ends up with a hook switched off, or added back later. */
const PATHS = [
  { name: 'generated with both hooks, then `remove --initializer`', answers: {}, edits: [['remove', '--initializer']] },
  { name: 'generated with --no-initializer', answers: { initializer: false }, edits: [] },
  { name: 'generated with --no-initializer, then `add --initializer`', answers: { initializer: false }, edits: [['add', '--initializer', 'index.initialize']] },
  { name: 'generated with both hooks, then `remove --pre-stop`', answers: {}, edits: [['remove', '--pre-stop']] },
  { name: 'generated with both hooks, then `remove --initializer` and `add --initializer`', answers: {}, edits: [['remove', '--initializer'], ['add', '--initializer', 'index.initialize']] },
] as const satisfies readonly { name: string; answers: Answers; edits: readonly (readonly string[])[] }[];

/**
 * Drivers that load the code as FC's runtime does and play one instance with no initializer call: two
 * requests, then preStop (the default PreStop function, `preStop` or Python's `pre_stop`, which every project here has, on or off in s.yaml) and
 * one more request, which finds the resource released. Each prints {results: [parsed response, ...],
 * logs: [line, ...]} as JSON.
 */
const NODE_DRIVER = `
import { pathToFileURL } from 'node:url';
const [path, name] = process.argv.slice(1);
const mod = await import(pathToFileURL(path).href);
const handler = mod[name] ?? mod.default[name];
const logs = [];
const log = (message) => logs.push(message);
const context = (requestId) => ({ requestId, logger: { debug: log, info: log, warn: log, error: log } });
const callback = (fn, ...args) => new Promise((resolve, reject) => fn(...args, (err, out) => (err ? reject(err) : resolve(out))));
const call = (requestId) => handler.length === 3 ? callback(handler, Buffer.from('{}'), context(requestId)) : handler(Buffer.from('{}'), context(requestId));
const preStop = mod.preStop ?? mod.default.preStop;
const results = [];
for (const requestId of ['req-1', 'req-2']) results.push(JSON.parse(await call(requestId)));
await (preStop.length === 2 ? callback(preStop, context('stop-1')) : preStop(context('stop-1')));
results.push(JSON.parse(await call('req-3')));
console.log(JSON.stringify({ results, logs }));
`;

const PYTHON_DRIVER = `
import importlib, json, logging, sys
from types import SimpleNamespace
sys.path.insert(0, 'code')
logs = []
class Lines(logging.Handler):
    def emit(self, record):
        logs.append(record.getMessage())
logging.getLogger().addHandler(Lines())
logging.getLogger().setLevel(logging.INFO)
module, name = sys.argv[1].rsplit('.', 1)
code = importlib.import_module(module)
results = [json.loads(getattr(code, name)(b'{}', SimpleNamespace(request_id=request_id))) for request_id in ('req-1', 'req-2')]
getattr(code, sys.argv[2])(SimpleNamespace(request_id='stop-1'))
results.append(json.loads(getattr(code, name)(b'{}', SimpleNamespace(request_id='req-3'))))
print(json.dumps({'results': results, 'logs': logs}))
`;

const PHP_DRIVER = `
class Lines { public $lines = []; public function __call($level, $args) { $this->lines[] = $args[0]; } }
$GLOBALS['fcLogger'] = new Lines();
list($file, $name) = explode('.', $argv[1], 2);
require 'code/' . $file . '.php';
$results = [];
foreach (['req-1', 'req-2', 'stop-1', 'req-3'] as $requestId) {
    if ($requestId === 'stop-1') {
        preStop(['requestId' => $requestId]);
    } else {
        $results[] = json_decode($name('{}', ['requestId' => $requestId]), true);
    }
}
echo json_encode(['results' => $results, 'logs' => $GLOBALS['fcLogger']->lines]);
`;

interface Family {
  /** Code file of a generated project with the default entries. */
  entryFile: string;
  /** The generated hook function `name` with a first statement that throws, to see whether a test calls it. */
  throwingHook: (text: string, name: string) => string;
  /** The default PreStop function's name (each language's own convention: Python's is PEP 8's pre_stop). */
  preStop: string;
  /** The generated accessor made to create a new resource on every call. */
  alwaysCreating: (text: string) => string;
  available: boolean;
  /** The command that runs the handler `index.handler` in the project's root. */
  driver: (root: string) => [string, string[]];
  /** The generated lifecycle test, run as its README says (node --test without npm, to keep it fast). */
  lifecycleTest: (root: string) => [string, string[]];
  passed: RegExp;
}

/** Replaces the one occurrence of `from`, which must be in the text exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`not once in the generated code: ${from}`);
  return text.replace(from, () => to);
}

/** Inserts the line `statement` right after `opening` (the first match), which must be in the text. */
function insertAfter(text: string, opening: string | RegExp, statement: string): string {
  const match = typeof opening === 'string' ? { index: text.indexOf(opening), 0: opening } : opening.exec(text);
  if (!match || match.index < 0) throw new Error(`not in the generated code: ${opening}`);
  const end = match.index + match[0].length;
  return `${text.slice(0, end)}${statement}\n${text.slice(end)}`;
}

const node = (file: string, opening: (name: string) => string): Family => ({
  entryFile: `code/${file}`,
  preStop: 'preStop',
  throwingHook: (text, name) => insertAfter(text, opening(name), `  throw new Error('${name} was called');`),
  alwaysCreating: (text) => replaceOnce(text, 'if (!resource) {', 'if (true) {'),
  available: true,
  driver: (root) => [process.execPath, ['--input-type=module', '-e', NODE_DRIVER, join(root, 'code', file), 'handler']],
  lifecycleTest: () => [process.execPath, ['--test', 'test/lifecycle.test.mjs']],
  passed: /^# fail 0$/m,
});
const FAMILIES: Record<string, Family> = {
  commonjs: node('index.js', (name) => `exports.${name} = function (context, callback) {\n`),
  esm: node('index.mjs', (name) => `export const ${name} = async (context) => {\n`),
  python: {
    entryFile: 'code/index.py',
    preStop: 'pre_stop',
    alwaysCreating: (text) => replaceOnce(text, 'if resource is None:', 'if True:'),
    throwingHook: (text, name) => insertAfter(text, new RegExp(`def ${name}\\(context\\):\\n {4}"""[^]*?"""\\n`), `    raise RuntimeError("${name} was called")`),
    available: hasPython,
    driver: () => ['python3', ['-c', PYTHON_DRIVER, 'index.handler', 'pre_stop']],
    lifecycleTest: () => ['python3', ['-m', 'unittest', 'discover', '-s', 'tests', '-v']],
    passed: /^OK$/m,
  },
  php: {
    entryFile: 'code/index.php',
    preStop: 'preStop',
    alwaysCreating: (text) => replaceOnce(text, "if ($GLOBALS['resource'] === null) {", 'if (true) {'),
    throwingHook: (text, name) => insertAfter(text, `function ${name}($context)\n{\n`, `    throw new RuntimeException('${name} was called');`),
    available: hasPhp,
    driver: () => ['php', ['-d', 'display_errors=stderr', '-r', PHP_DRIVER, 'index.handler']],
    lifecycleTest: () => ['php', ['tests/lifecycle_test.php']],
    passed: /^\d+ passed, 0 failed$/m,
  },
};

async function cli(args: readonly string[], cwd: string) {
  let output = '';
  const io: Io = { stdout: (text) => (output += text), stderr: (text) => (output += text), interactive: false, cwd };
  const status = await main([...args], io);
  return { status, output };
}

/** Runs `create-fc-lifecycle <args>` in the project, which must succeed. */
async function edit(root: string, args: readonly string[]): Promise<void> {
  const edited = await cli(args, root);
  expect(edited.status, edited.output).toBe(0);
}

/** Generates the project for the path and applies its edits through the CLI. */
async function projectFor(runtime: string, path: (typeof PATHS)[number]): Promise<string> {
  const { root } = await generateProject({ runtime, ...path.answers });
  for (const args of path.edits) await edit(root, args);
  return root;
}

/**
 * Runs the handler as FC would with no initializer: two requests succeed and share one lazily created
 * resource; after preStop released it, the next request creates another one.
 */
function expectHandlerWorksWithoutInitializer(family: Family, root: string): void {
  const [command, args] = family.driver(root);
  const result = run(command, args, { cwd: root });
  expect(result.status, result.output).toBe(0);
  const { results, logs } = JSON.parse(result.stdout) as { results: { resource: { id: string; uses: number } }[]; logs: string[] };
  expect(results.map((response) => response.resource.id)).toEqual(['resource-req-1', 'resource-req-1', 'resource-req-3']);
  expect(results.map((response) => response.resource.uses)).toEqual([1, 2, 1]);
  expect(logs.filter((line) => line.includes(' lazily'))).toEqual([expect.stringContaining('created resource-req-1 lazily'), expect.stringContaining('created resource-req-3 lazily')]);
}

function runLifecycleTest(family: Family, root: string) {
  const [command, args] = family.lifecycleTest(root);
  return run(command, args, { cwd: root });
}

function expectLifecycleTestPasses(family: Family, root: string): void {
  const result = runLifecycleTest(family, root);
  expect(result.status, result.output).toBe(0);
  expect(result.output).toMatch(family.passed);
}

/** Every path on one runtime per code style; the other runtimes share those templates, so one path each. */
const MATRIX: { runtime: string; family: Family; paths: readonly (typeof PATHS)[number][] }[] = [
  { runtime: 'nodejs14', family: FAMILIES.commonjs!, paths: PATHS },
  { runtime: 'nodejs16', family: FAMILIES.commonjs!, paths: [PATHS[0]] },
  { runtime: 'nodejs18', family: FAMILIES.esm!, paths: [PATHS[0]] },
  { runtime: 'nodejs20', family: FAMILIES.esm!, paths: PATHS },
  { runtime: 'python3.9', family: FAMILIES.python!, paths: [PATHS[0]] },
  { runtime: 'python3.10', family: FAMILIES.python!, paths: PATHS },
  { runtime: 'python3.12', family: FAMILIES.python!, paths: [PATHS[1]] },
  { runtime: 'php7.2', family: FAMILIES.php!, paths: PATHS },
];

describe.each(MATRIX)('$runtime', ({ runtime, family, paths }) => {
  test.runIf(family.available).each(paths)('$name: the handler answers with no initializer run and after preStop, the lifecycle test passes, the doctor is clean', async (path) => {
    const root = await projectFor(runtime, path);
    expectHandlerWorksWithoutInitializer(family, root);
    expectLifecycleTestPasses(family, root);
    expect((await diagnose(root, '.')).findings).toEqual([]);
  });
});

// The generated test plays FC as s.yaml says: with hooks that throw when called, it fails while s.yaml
// switches either hook on and passes once `remove` has switched both off (the handler alone works). And
// it is no rubber stamp for the lazy path: an accessor that creates a resource on every call fails it.
describe.each([
  { runtime: 'nodejs16', family: FAMILIES.commonjs! },
  { runtime: 'nodejs18', family: FAMILIES.esm! },
  { runtime: 'python3.9', family: FAMILIES.python! },
  { runtime: 'php7.2', family: FAMILIES.php! },
])('$runtime', ({ runtime, family }) => {
  test.runIf(family.available)('the generated lifecycle test calls a hook only when s.yaml switches it on', async () => {
    const { root } = await generateProject({ runtime });
    const entry = join(root, family.entryFile);
    writeFileSync(entry, family.throwingHook(family.throwingHook(readFileSync(entry, 'utf8'), 'initialize'), family.preStop));
    const both = runLifecycleTest(family, root);
    expect(both.status).not.toBe(0);
    expect(both.output).toMatch(/initialize was called/);
    await edit(root, ['remove', '--initializer']);
    const preStopOnly = runLifecycleTest(family, root);
    expect(preStopOnly.status).not.toBe(0);
    expect(preStopOnly.output).not.toMatch(/initialize was called/);
    expect(preStopOnly.output).toContain(`${family.preStop} was called`);
    await edit(root, ['remove', '--pre-stop']);
    expectLifecycleTestPasses(family, root);
  });

  test.runIf(family.available)('an accessor that does not keep the resource fails the generated lifecycle test', async () => {
    const { root } = await generateProject({ runtime, initializer: false });
    const entry = join(root, family.entryFile);
    writeFileSync(entry, family.alwaysCreating(readFileSync(entry, 'utf8')));
    const result = runLifecycleTest(family, root);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/share one resource/);
  });
});

// The accessor's name is the generated code's: an entry with that name would define it twice.
test.each([
  ['nodejs20', 'index.getResource'],
  ['python3.12', 'index.get_resource'],
  ['php7.2', 'index.FC_GET_RESOURCE'],
  ['php7.2', 'index.fc_test_new_instance'],
])('%s refuses the entry %s, a name the generated code uses', (runtime, entry) => {
  expect(specErrorOf({ runtime, initializer: entry })).toEqual({ field: 'initializer', rule: expect.stringMatching(/is used by the generated code/) });
});

// The published package, as `npm create fc-lifecycle` downloads it: one package with no runtime
// dependencies, small, self-contained, and the prompt library loaded only when a prompt is shown.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { generateProject, planFor, tempDir } from './helpers/generate.ts';
import { run } from './helpers/toolchain.ts';

/** Text of @inquirer/core's ExitPromptError; any bundle that holds the prompt library holds it. */
const PROMPT_LIBRARY_MARKER = 'User force closed the prompt';

let unpacked: string; // the extracted `package/` directory

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  const dir = tempDir('fc-package-');
  execFileSync('tar', ['-xzf', inject('tarball'), '-C', dir]);
  unpacked = join(dir, 'package');
});

/** Runs the bin with a module hook that logs every module URL it loads; returns the package files loaded. */
function loadedFiles(args: string[]): string[] {
  const dir = tempDir('fc-loader-');
  const log = join(dir, 'loaded.txt');
  writeFileSync(join(dir, 'hooks.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    'export async function load(url, context, nextLoad) {',
    `  appendFileSync(${JSON.stringify(log)}, url + '\\n');`,
    '  return nextLoad(url, context);',
    '}',
  ].join('\n'));
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(log, '');
  const result = run('node', ['--import', join(dir, 'register.mjs'), join(unpacked, 'index.js'), ...args], { cwd: tempDir('fc-package-run-'), input: '' });
  expect(result.status, result.output).toBe(0);
  return readFileSync(log, 'utf8').split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .filter((path) => path.startsWith(unpacked));
}

describe('packed tarball', () => {
  test('declares no dependencies of any kind', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(pkg[field], field).toBeUndefined();
    }
    expect(pkg.bin).toEqual({ 'create-fc-lifecycle': 'index.js' });
  });

  test('holds only the bin shim, the bundle, the readme, the licence and the plop generator', () => {
    const files = filesUnder(unpacked).map((file) => relative(unpacked, file));
    const allowed = /^(index\.js|package\.json|README\.md|LICENSE|plopfile\.js|generators\/.+|dist\/.+\.js|dist\/types\/.+\.d\.ts)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['index.js', 'package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/index.js']));
  });

  test('ships the API\'s type declarations: a strict TypeScript project compiles against the packed package', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    expect(existsSync(join(unpacked, pkg.types))).toBe(true);
    expect(pkg.exports['.'].types).toBe(`./${pkg.types}`);
    const project = tempDir('fc-types-');
    mkdirSync(join(project, 'node_modules'));
    execFileSync('cp', ['-r', unpacked, join(project, 'node_modules', 'create-fc-lifecycle')]);
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    // No @types/node, no skipLibCheck: the declarations must stand on their own.
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] }, files: ['main.ts'] }));
    const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
    const compile = (source: string) => {
      writeFileSync(join(project, 'main.ts'), source);
      return run('node', [tsc, '-p', project]);
    };
    const good = compile([
      "import { generate, type Answers } from 'create-fc-lifecycle';",
      "const answers: Answers = { runtime: 'python3.10', dir: 'svc' };",
      'const { plan } = await generate(answers, { dryRun: true });',
      'export const paths: string[] = plan.files.map((file) => file.path);',
    ].join('\n'));
    expect(good.status, good.output).toBe(0);
    // And the types are real: a wrong one is an error.
    const bad = compile("import { generate } from 'create-fc-lifecycle';\nexport const n: number = (await generate({}, { dryRun: true })).plan.targetDir;\n");
    expect(bad.output).toMatch(/main\.ts\(2,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  test('ships only the declarations the API names: none of a family\'s editor, doctor, code or runner parts', () => {
    const declarations = filesUnder(join(unpacked, 'dist', 'types')).map((file) => relative(join(unpacked, 'dist', 'types'), file));
    expect(declarations).toContain('index.d.ts');
    expect(declarations.filter((file) => /^runtimes\/[^/]+\/(edit|rules|code|run)\.d\.ts$/.test(file) || /^doctor\/rules\//.test(file))).toEqual([]);
  });

  test('installs in under 2 MB', () => {
    // Bytes on disk, as du counts them (and as `npm run bench` reports them).
    const bytes = [unpacked, ...filesUnder(unpacked)].reduce((sum, path) => sum + lstatSync(path).blocks * 512, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });
});

describe('bin of the unpacked tarball', () => {
  test('runs from an empty directory with no node_modules anywhere above it', async () => {
    for (let dir = unpacked; dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
    }
    const cwd = tempDir('fc-package-run-');
    const env = { NODE_PATH: '' };
    const result = run('node', [join(unpacked, 'index.js'), 'my-fn', '--runtime', 'nodejs20', '--yes'], { cwd, env, input: '' });
    expect(result.status, result.output).toBe(0);

    // Byte for byte what the sources plan (the bundle uses yaml's ES module build, the tests its Node build).
    const plan = await planFor({ runtime: 'nodejs20' });
    const root = join(cwd, 'my-fn');
    expect(filesUnder(root).map((file) => relative(root, file)).sort()).toEqual(plan.files.map((file) => file.path).sort());
    for (const file of plan.files) {
      const path = join(root, ...file.path.split('/'));
      expect(readFileSync(path, 'utf8'), file.path).toBe(file.contents);
      expect((statSync(path).mode & 0o111) !== 0, `${file.path} executable`).toBe(Boolean(file.executable));
    }
  });

  test('runs on a Node without process.getBuiltinModule (older than 20.16): the same project, and doctor finds nothing', async () => {
    const dir = tempDir('fc-package-old-node-');
    const strip = join(dir, 'strip.mjs');
    writeFileSync(strip, 'delete process.getBuiltinModule;\n');
    const cwd = tempDir('fc-package-run-');
    const result = run('node', ['--import', strip, join(unpacked, 'index.js'), 'my-fn', '--runtime', 'nodejs20', '--yes'], { cwd, input: '' });
    expect(result.status, result.output).toBe(0);
    const plan = await planFor({ runtime: 'nodejs20' });
    for (const file of plan.files) expect(readFileSync(join(cwd, 'my-fn', ...file.path.split('/')), 'utf8'), file.path).toBe(file.contents);
    const doctor = run('node', ['--import', strip, join(unpacked, 'index.js'), 'doctor'], { cwd: join(cwd, 'my-fn'), input: '' });
    expect(doctor.status, doctor.output).toBe(0);
  });

  describe('loads the prompt library only to prompt', () => {
    const holdsPromptLibrary = (path: string) => readFileSync(path, 'utf8').includes(PROMPT_LIBRARY_MARKER);

    test('the marker identifies the bundled prompt library', () => {
      expect(filesUnder(join(unpacked, 'dist')).filter(holdsPromptLibrary)).not.toEqual([]);
    });

    test.each([
      ['--yes', ['my-fn', '--runtime', 'nodejs20', '--yes']],
      ['--help', ['--help']],
    ])('%s never loads it', (_name, args) => {
      const loaded = loadedFiles(args);
      expect(loaded).toContain(join(unpacked, 'dist', 'cli.js'));
      expect(loaded.filter(holdsPromptLibrary)).toEqual([]);
    });
  });
});

describe('loads one file per owner (scripts/hub-bundles.mjs)', () => {
  const distFiles = (args: string[]) => loadedFiles(args).filter((path) => path.startsWith(join(unpacked, 'dist'))).map((path) => relative(join(unpacked, 'dist'), path)).sort();
  /** Whether a dist file holds the runner's modules (src/run/*): a message of its child process that minifying keeps. */
  const holdsRunner = (file: string) => readFileSync(join(unpacked, 'dist', file), 'utf8').includes(' is not installed or not on PATH: install ');

  test('a nodejs20 generation loads the CLI, its family\'s generator and the two template folders it renders, nothing else', () => {
    expect(distFiles(['my-fn', '--runtime', 'nodejs20', '--yes'])).toEqual(['chunks/runtimes-nodejs-generate.js', 'chunks/templates-_shared.js', 'chunks/templates-nodejs.js', 'cli.js']);
  });

  test('a custom-container generation loads its own generator only, though it writes custom\'s server', () => {
    expect(distFiles(['my-fn', '--runtime', 'custom-container', '--yes']).filter((path) => path.includes('generate'))).toEqual(['chunks/runtimes-container-generate.js']);
  });

  test.each([
    ['remove', ['--pre-stop', '--yes']],
    ['doctor', []],
  ])('%s on a nodejs20 project loads the family\'s editor and doctor, not its generator', async (command, flags) => {
    const { root } = await generateProject({ runtime: 'nodejs20' });
    const loaded = distFiles([command, root, ...flags]);
    expect(loaded).toContain('chunks/runtimes-nodejs-parts.js');
    expect(loaded.filter((path) => path.includes('generate'))).toEqual([]);
    expect(loaded.filter(holdsRunner)).toEqual([]);
  });

  test('remove and add load the CLI, chunks/shared.js (which holds both commands) and the family\'s parts (which hold its entry rules), nothing else', async () => {
    const { root } = await generateProject({ runtime: 'nodejs20' });
    expect(distFiles(['remove', root, '--pre-stop', '--yes'])).toEqual(['chunks/runtimes-nodejs-parts.js', 'chunks/shared.js', 'cli.js']);
    expect(distFiles(['add', root, '--pre-stop', 'index.preStop', '--yes'])).toEqual(['chunks/runtimes-nodejs-parts.js', 'chunks/shared.js', 'cli.js']);
  });

  test('run loads the runner\'s modules, in a file of their own', () => {
    expect(distFiles(['run', '--help']).filter(holdsRunner)).toEqual(['chunks/runner.js']);
  });

  test('--version loads the CLI file only', () => {
    expect(distFiles(['--version'])).toEqual(['cli.js']);
  });

  // The yaml library's parser is the light reader's fallback (src/project/library-parse.ts): loaded only
  // for an s.yaml the light reader declines, here one with an anchor outside the edited resource.
  test.each([
    ['a generated s.yaml', (text: string) => text, false],
    ['an s.yaml with an anchor', (text: string) => text.replace('vars:\n', 'x-tags: &tags\n  team: a\nvars:\n'), true],
  ])('remove and doctor on %s load the yaml parser only for it', (_name, change, parses) => {
    /** Whether a file loaded holds the parser: a message of its Parser class that minifying keeps. */
    const loadsParser = (files: string[]) => files.some((file) => readFileSync(join(unpacked, 'dist', file), 'utf8').includes('Tried to pop an empty stack'));
    const cwd = tempDir('fc-package-parser-');
    const generated = run('node', [join(unpacked, 'index.js'), 'my-fn', '--runtime', 'nodejs20', '--yes'], { cwd, input: '' });
    expect(generated.status, generated.output).toBe(0);
    const project = join(cwd, 'my-fn');
    writeFileSync(join(project, 's.yaml'), change(readFileSync(join(project, 's.yaml'), 'utf8')));
    const removing = distFiles(['remove', project, '--pre-stop', '--dry-run', '--yes']);
    expect(removing).toEqual(expect.arrayContaining(['cli.js', 'chunks/shared.js']));
    expect(loadsParser(removing)).toBe(parses);
    expect(loadsParser(distFiles(['doctor', project]))).toBe(parses);
  });
});

describe('writes its own lines without creating process.stdout or process.stderr (src/cli/closed-output.ts)', () => {
  /** Runs the bin with both streams' getters replaced by ones that log which stream was created. */
  function streamsCreated(args: string[], cwd: string): { created: string[]; stdout: string } {
    const dir = tempDir('fc-streams-');
    const log = join(dir, 'created.txt');
    writeFileSync(log, '');
    writeFileSync(join(dir, 'spy.mjs'), [
      "import { appendFileSync } from 'node:fs';",
      "for (const name of ['stdout', 'stderr']) {",
      '  const descriptor = Object.getOwnPropertyDescriptor(process, name);',
      `  Object.defineProperty(process, name, { ...descriptor, get() { appendFileSync(${JSON.stringify(log)}, name + '\\n'); return descriptor.get.call(process); } });`,
      '}',
    ].join('\n'));
    const result = run('node', ['--import', join(dir, 'spy.mjs'), join(unpacked, 'index.js'), ...args], { cwd, input: '' });
    expect(result.status, result.output).toBe(0);
    return { created: [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))], stdout: result.stdout };
  }

  test('a --yes generation, doctor and add --yes: the lines are written, no stream is made', () => {
    const cwd = tempDir('fc-streams-run-');
    const created = streamsCreated(['my-fn', '--runtime', 'nodejs20', '--no-pre-stop', '--yes'], cwd);
    expect(created).toEqual({ created: [], stdout: expect.stringContaining('Created nodejs20 function my-fn') });
    expect(streamsCreated(['doctor', 'my-fn'], cwd)).toEqual({ created: [], stdout: expect.stringContaining('my-fn') });
    expect(streamsCreated(['add', 'my-fn', '--pre-stop', 'index.preStop', '--yes'], cwd)).toEqual({ created: [], stdout: expect.stringContaining('Updated s.yaml') });
  });
});

describe('loads templates by folder', () => {
  /** The template folders whose compiled templates `file` holds (keys like "nodejs/package.json", each a `c=>…` function). */
  const templateGroupsIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/"([\w-]+)\/[^"]+":\(?[\w$]+\)?=>/g)].map((match) => match[1]!);
  const groupsIn = (files: string[]) => [...new Set(files.flatMap(templateGroupsIn))].sort();

  test('the bundle holds every folder of templates/', () => {
    const folders = readdirSync(fileURLToPath(new URL('../templates', import.meta.url)), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(groupsIn(filesUnder(join(unpacked, 'dist')))).toEqual(folders);
  });

  test.each([
    ['nodejs20', ['_shared', 'nodejs']],
    ['custom-container', ['_shared', 'container', 'custom']],
  ])('--yes --runtime %s loads only the folders it renders', (runtime, groups) => {
    expect(groupsIn(loadedFiles(['my-fn', '--runtime', runtime, '--yes']))).toEqual(groups);
  });
});

// Hook code in less common hand-written shapes, per language module: what is added, and that the
// result still compiles with the real toolchain (against the stand-ins in test/stubs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { dotnetHooks } from '../src/runtimes/dotnet/edit.ts';
import { goHooks } from '../src/runtimes/go/edit.ts';
import { javaHooks } from '../src/runtimes/java/edit.ts';
import { nodejsHooks } from '../src/runtimes/nodejs/edit.ts';
import type { HookProject, LanguageHooks } from '../src/hooks/types.ts';
import { loadTemplates } from '../src/templates.ts';
import { tempDir } from './helpers/generate.ts';
import { addedLines } from './helpers/hook-fixtures.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const STUBS = fileURLToPath(new URL('./stubs', import.meta.url));
const hasJavac = useToolchain('javac', ['-version'], 'a JDK 17');
const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');
const hasMcs = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs');

/** Writes `files` into a fresh project and adds both hooks with the language module; returns the edited file. */
async function addBoth(language: LanguageHooks, project: Omit<HookProject, 'root' | 'sYamlPath' | 'resource'>, files: Record<string, string>, entries: [string, string]) {
  const root = tempDir('fc-lang-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const full: HookProject = { root, sYamlPath: join(root, 's.yaml'), resource: 'f', ...project, ...(project.codeDir && { codeDir: join(root, project.codeDir) }) };
  const code = language.code!;
  await loadTemplates(...['nodejs', 'python', 'php', 'java', 'go', 'dotnet'].map((family) => `${family}/hooks`));
  let file = await code.locate(full);
  const before = file.text;
  for (const [kind, entry] of [['initializer', entries[0]], ['preStop', entries[1]]] as const) {
    file = { ...file, text: code.add(file, kind, entry, full) };
    expect(code.find(file, kind, entry, full), `${kind} found after add`).toBeGreaterThan(0);
  }
  writeFileSync(file.path, file.text);
  return { root, path: file.path, before, after: file.text };
}

describe('Java', () => {
  test.runIf(hasJavac)('a class with extends and no imports gets implements after extends, and the imports after the package line', async () => {
    const { root, path, after } = await addBoth(
      javaHooks,
      { runtime: 'java8', handler: 'demo.App::handleRequest' },
      {
        'src/main/java/demo/Base.java': 'package demo;\n\npublic abstract class Base {}\n',
        'src/main/java/demo/App.java': 'package demo;\n\npublic class App extends Base implements com.aliyun.fc.runtime.StreamRequestHandler {\n\tpublic void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.aliyun.fc.runtime.Context c) {}\n}\n',
      },
      ['demo.App::initialize', 'demo.App::preStop'],
    );
    expect(after).toMatch(/^package demo;\n\nimport com\.aliyun\.fc\.runtime\.FunctionInitializer;\nimport com\.aliyun\.fc\.runtime\.Context;\nimport java\.io\.IOException;\nimport com\.aliyun\.fc\.runtime\.PreStopHandler;\n\npublic class App extends Base implements com\.aliyun\.fc\.runtime\.StreamRequestHandler, FunctionInitializer, PreStopHandler \{\n/);
    expect(after).toContain('\n\t@Override\n\tpublic void initialize(Context context) throws IOException {\n\t\tcontext.getLogger()');
    const out = tempDir('fc-javac-');
    const compiled = run('javac', ['-d', out, '-sourcepath', `${join(STUBS, 'java')}:${join(root, 'src/main/java')}`, path]);
    expect(compiled.status, compiled.output).toBe(0);
  });
});

describe('Go', () => {
  test.runIf(hasGo)('single-line imports and an aliased SDK import: lines of their own, Register calls use the alias, and it vets', async () => {
    const main = 'package main\n\nimport sdk "github.com/aliyun/fc-runtime-go-sdk/fc"\n\nfunc handle() (string, error) { return "ok", nil }\n\nfunc main() {\n\tsdk.Start(handle)\n}\n';
    const { root, after } = await addBoth(goHooks, { runtime: 'go1', handler: 'main' }, { 'code/main.go': main, 'code/go.mod': 'module demo\n\ngo 1.18\n\nrequire github.com/aliyun/fc-runtime-go-sdk v0.3.1\n' }, ['true', 'true']);
    expect(after).toContain('import sdk "github.com/aliyun/fc-runtime-go-sdk/fc"\nimport "context"\nimport "github.com/aliyun/fc-runtime-go-sdk/fccontext"\n');
    expect(after).toContain('\tsdk.RegisterInitializerFunction(initialize)\n\tsdk.RegisterPreStopFunction(preStop)\n\tsdk.Start(handle)\n');
    const code = join(root, 'code');
    expect(run('gofmt', ['-l', '.'], { cwd: code }).stdout).toBe('');
    const env = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' };
    expect(run('go', ['mod', 'edit', `-replace=github.com/aliyun/fc-runtime-go-sdk=${join(STUBS, 'go')}`], { cwd: code, env }).status).toBe(0);
    const vet = run('go', ['vet', '.'], { cwd: code, env });
    expect(vet.status, vet.output).toBe(0);
  });

  test('a function of the hook name that exists with the right signature is registered, not added again', async () => {
    const main = 'package main\n\nimport (\n\t"context"\n\n\t"github.com/aliyun/fc-runtime-go-sdk/fc"\n)\n\nfunc warmUp(ctx context.Context) {}\n\nfunc cleanUp(ctx context.Context) {}\n\nfunc main() {\n\tfc.Start(func() error { return nil })\n}\n';
    const { before, after } = await addBoth(goHooks, { runtime: 'go1', handler: 'main' }, { 'main.go': main }, ['warmUp', 'cleanUp']);
    expect(addedLines(before, after)).toEqual(['\tfc.RegisterInitializerFunction(warmUp)', '\tfc.RegisterPreStopFunction(cleanUp)']);
  });
});

describe('C#', () => {
  test.runIf(hasMcs)('a file-scoped namespace and a class without usings: the using goes on top and it compiles', async () => {
    const program = 'namespace Shop.Api;\n\npublic class Entry\n{\n  public string Handle(System.IO.Stream input, Aliyun.Serverless.Core.IFcContext context) => "ok";\n}\n';
    const { after } = await addBoth(dotnetHooks, { runtime: 'dotnetcore3.1', handler: 'Shop::Shop.Api.Entry::Handle' }, { 'Shop/Entry.cs': program }, ['Shop::Shop.Api.Entry::Init', 'Shop::Shop.Api.Entry::Stop']);
    expect(after.startsWith('using Aliyun.Serverless.Core;\n\nnamespace Shop.Api;\n')).toBe(true);
    expect(after).toContain('\n  public void Init(IFcContext context)\n  {\n    System.Console.WriteLine("Init: initializer ran");\n  }\n');
    const stubs = run('find', [join(STUBS, 'dotnet'), '-name', '*.cs']).stdout.trim().split('\n');
    // mono's mcs has no file-scoped namespaces (C# 10): check what was added with the parser of a block-scoped copy.
    const blockScoped = join(tempDir('fc-cs-'), 'Entry.cs');
    writeFileSync(blockScoped, after.replace('namespace Shop.Api;\n', 'namespace Shop.Api {\n') + '}\n');
    const compiled = run('mcs', ['-target:library', `-out:${join(tempDir('fc-cs-'), 'a.dll')}`, ...stubs, blockScoped]);
    expect(compiled.status, compiled.output).toBe(0);
  });
});

describe('Node.js', () => {
  test('CRLF files get CRLF lines, and an ES module in a .js file (package.json type module) gets export const', async () => {
    const { before, after } = await addBoth(
      nodejsHooks,
      { runtime: 'nodejs20', handler: 'index.handler', codeDir: 'code' },
      { 'code/index.js': 'export const handler = async (event) => {\r\n  return "ok";\r\n};\r\n', 'code/package.json': '{ "type": "module" }\n' },
      ['index.initialize', 'index.preStop'],
    );
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(addedLines(before.replace(/\r/g, ''), after.replace(/\r/g, ''))).toContain('export const initialize = async (context) => {');
  });
});

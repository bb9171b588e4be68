// `create-fc-lifecycle run` on C#: the generated dotnetcore3.1 project is compiled with mcs against the
// Aliyun.Serverless.Core stand-in (test/stubs/dotnet) into the publish folder s.yaml's `code` names, as
// `dotnet publish -c Release -o ./target` fills it; run compiles its bootstrap against the published
// libraries and hosts it with mono (no dotnet here). Before this, run refused every C# project (exit 2,
// "run cannot host ... assemblies yet", or "dotnet is not installed" without naming mono), so every test
// here failed on the old code (checked by running this file against the old src/runtimes/dotnet/run.ts).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateProject, HOOK_COMBINATIONS, tempDir } from '../../helpers/generate.ts';
import { expectGeneratedProjectRuns, markers, runCommand } from '../../helpers/run-cli.ts';
import { buildDotnetStandIns, DOTNET_LIBRARIES } from '../../helpers/stand-ins.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const canRun = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs') && useToolchain('mono', ['--version'], 'apt-get install -y mono-runtime');

let standIns: string | undefined;
/** The stand-in dlls, compiled once for the file. */
const libraries = () => (standIns ??= buildDotnetStandIns());

/** Compiles HelloFcApp/*.cs into HelloFcApp/target (s.yaml's code) with the libraries beside it, as dotnet publish would. */
function publish(root: string): void {
  const project = join(root, 'HelloFcApp');
  const target = join(project, 'target');
  mkdirSync(target);
  for (const library of DOTNET_LIBRARIES) copyFileSync(join(libraries(), library), join(target, library));
  const sources = readdirSync(project).filter((f) => f.endsWith('.cs')).map((f) => join(project, f));
  const built = run('mcs', ['-warnaserror+', `-out:${join(target, 'HelloFcApp.exe')}`, ...DOTNET_LIBRARIES.map((l) => `-r:${join(target, l)}`), ...sources]);
  expect(built.status, built.output).toBe(0);
}

/** The generated Hello.cs with `edit` applied (it must change something). */
function editHello(root: string, edit: (code: string) => string): void {
  const path = join(root, 'HelloFcApp', 'Hello.cs');
  const code = readFileSync(path, 'utf8');
  const edited = edit(code);
  expect(edited).not.toBe(code);
  writeFileSync(path, edited);
}

const INITIALIZE = 'public void Initialize(IFcContext context)\n        {';
const PRE_STOP = 'public void PreStop(IFcContext context)\n        {';

describe.runIf(canRun)('C# with mono', () => {
  test.each(HOOK_COMBINATIONS)('dotnetcore3.1 $name: the published assembly passes run', async ({ answers }) => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1', ...answers });
    publish(root);
    const result = await expectGeneratedProjectRuns(root, answers);
    // context.Logger writes the hooks' lines into the function log, with the request id of the call.
    if (!('initializer' in answers)) expect(result.stdout).toMatch(/^FC Initialize Start RequestId: (\S+)\n\S+ \1 \[INFO\] initialized resource-\1$/m);
    else expect(result.stdout).toMatch(/\[INFO\] created resource-\S+ lazily: no initializer ran on this instance/);
    if (!('preStop' in answers)) expect(result.stdout).toMatch(/\[INFO\] released resource-\S+ after 2 request\(s\)\nFC PreStop End/);
  });

  test('the context carries s.yaml: function name, memory, timeout, handler and initializer entries, region (from s.yaml vars)', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    editHello(root, (code) => code.replace(INITIALIZE, `${INITIALIZE}\n            System.Console.WriteLine("ctx " + context.FunctionParam.FunctionName + " " + context.FunctionParam.MemoryLimitInMB + " " + context.FunctionParam.FunctionTimeout.TotalSeconds + " " + context.FunctionParam.FunctionHandler + " " + context.FunctionParam.FunctionInitializer + " " + context.FunctionParam.InitializationTimeout.TotalSeconds + " " + context.Region + " " + (context.ServiceMeta == null));`));
    publish(root);
    const result = await runCommand([root], root);
    expect(result.status, result.stdout).toBe(0);
    const yaml = readFileSync(join(root, 's.yaml'), 'utf8');
    const field = (name: string) => yaml.match(new RegExp(`^      ${name}: (\\S+)$`, 'm'))![1];
    expect(result.stdout).toContain(`ctx my-fn ${field('memorySize')} ${field('timeout')} HelloFcApp::Example.Hello::StreamHandler HelloFcApp::Example.Hello::Initialize ${yaml.match(/initializer:\n\s+handler: \S+\n\s+timeout: (\d+)/)![1]} cn-hangzhou True`);
  });

  test('an initializer that throws fails with InitializationError after its retry (spec §5), exit 1', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    editHello(root, (code) => code.replace(INITIALIZE, `${INITIALIZE}\n            if (context != null) throw new IOException("database unreachable");`));
    publish(root);
    const result = await runCommand([root, '--json'], root);
    expect(result.status).toBe(1);
    const timeline = JSON.parse(result.stdout);
    expect(timeline.steps).toMatchObject([
      { kind: 'initializer', attempt: 1, errorType: 'InitializationError', errorMessage: 'System.IO.IOException: database unreachable' },
      { kind: 'initializer', attempt: 2, errorType: 'InitializationError', errorMessage: 'System.IO.IOException: database unreachable' },
    ]);
    // The exception and its stack are the hook's own log lines, as FC's function log shows them.
    expect(timeline.steps[0].logs.join('\n')).toMatch(/System\.IO\.IOException: database unreachable\n\s+at Example\.Hello\.Initialize/);
  });

  test('a preStop that outlives its timeout fails after it (timeout enforced by run, spec §5), exit 1', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    const yaml = join(root, 's.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/(preStop:\n\s+handler: \S+\n\s+timeout: )\d+/, '$11'));
    editHello(root, (code) => code.replace(PRE_STOP, `${PRE_STOP}\n            System.Threading.Thread.Sleep(10000);`));
    publish(root);
    const started = Date.now();
    const result = await runCommand([root], root);
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(9000);
    expect(markers(result.stdout)).toEqual(['Initialize Start', 'Initialize End', 'Invoke Start', 'Invoke End', 'PreStop Start', 'PreStop End']);
    expect(result.stdout).toMatch(/run: preStop failed in [\d.]+ ms: errorMessage: timed out after 1 s/);
  });

  test('a non-idempotent initializer: its retry on the same instance raises (spec §5: it must be idempotent)', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    // Fails once after creating the resource, then (without the idempotence guard) refuses to create it twice.
    editHello(root, (code) =>
      code
        .replace('                if (resource != null)\n                {\n                    return;\n                }\n', '                if (resource != null)\n                {\n                    throw new System.InvalidOperationException("already initialized");\n                }\n')
        .replace('                context.Logger.LogInformation("initialized " + resource.Id);\n', '                context.Logger.LogInformation("initialized " + resource.Id);\n                if (resource.Uses == 0) throw new IOException("first run fails after creating the resource");\n'),
    );
    publish(root);
    const result = await runCommand([root, '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'initializer', attempt: 1, errorType: 'InitializationError', errorMessage: 'System.IO.IOException: first run fails after creating the resource' },
      { kind: 'initializer', attempt: 2, errorType: 'InitializationError', errorMessage: 'System.InvalidOperationException: already initialized' },
    ]);
  });

  // No .NET SDK here: a stand-in `dotnet` checks the project run writes (the SDK's framework, the
  // published libraries as references), builds it with mcs and hosts it with mono. It proves the
  // host choice and the wiring, not that the real SDK builds the project.
  test('with dotnet on PATH, run builds its bootstrap as a project for the installed SDK and hosts it with dotnet', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    publish(root);
    const bin = tempDir('fc-fake-dotnet-');
    const calls = join(bin, 'calls');
    writeFileSync(
      join(bin, 'dotnet'),
      String.raw`#!/bin/sh
echo "$1" >> '${calls}'
case "$1" in
  --version) echo 8.0.100 ;;
  build)
    grep -q '<TargetFramework>net8.0</TargetFramework>' "$2/FcRunBootstrap.csproj" || exit 1
    mkdir -p "$6" && exec mcs -out:"$6/FcRunBootstrap.dll" $(sed -n 's|.*<HintPath>\(.*\)</HintPath>.*|-r:\1|p' "$2/FcRunBootstrap.csproj") "$2/FcRunBootstrap.cs" ;;
  *) exec mono "$@" ;;
esac
`,
      { mode: 0o755 },
    );
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      await expectGeneratedProjectRuns(root, {});
    } finally {
      process.env.PATH = path;
    }
    const hosted = readFileSync(calls, 'utf8').trim().split('\n');
    expect(hosted.filter((call) => call !== '--version')).toEqual(['build', expect.stringMatching(/\/out\/FcRunBootstrap\.dll$/)]);
  });

  test('a publish folder whose Aliyun.Serverless.Core.dll is no assembly: the compiler\'s error in one line, exit 2', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    publish(root);
    writeFileSync(join(root, 'HelloFcApp', 'target', 'Aliyun.Serverless.Core.dll'), 'not an assembly');
    const result = await runCommand([root], root);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: the run bootstrap does not build with mcs against the published Aliyun\.Serverless\.Core: .*error CS\d+: [^\n]*Aliyun\.Serverless\.Core\.dll[^\n]*\n$/);
  });

  // The real Aliyun.Serverless.Core targets netstandard2.0; without mono's netstandard facade mcs cannot
  // compile against it. A stand-in built against a "netstandard" assembly that is not published plays that.
  test('a netstandard Aliyun.Serverless.Core without mono\'s facade: one line naming mono-devel, exit 2', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    const work = tempDir('fc-netstandard-');
    writeFileSync(join(work, 'Marker.cs'), 'namespace Fake { public interface IMarker {} }\n');
    const stubs = fileURLToPath(new URL('../../stubs/dotnet/Aliyun.Serverless.Core', import.meta.url));
    const sources = readdirSync(stubs).map((file) => {
      writeFileSync(join(work, file), readFileSync(join(stubs, file), 'utf8').replace('public interface IFcContext', 'public interface IFcContext : Fake.IMarker'));
      return join(work, file);
    });
    const target = join(root, 'HelloFcApp', 'target');
    mkdirSync(target);
    const logging = join(target, 'Microsoft.Extensions.Logging.Abstractions.dll');
    copyFileSync(join(libraries(), 'Microsoft.Extensions.Logging.Abstractions.dll'), logging);
    const netstandard = join(work, 'netstandard.dll');
    const core = join(target, 'Aliyun.Serverless.Core.dll');
    for (const args of [
      ['-target:library', `-out:${netstandard}`, join(work, 'Marker.cs')],
      ['-target:library', `-out:${core}`, `-r:${netstandard}`, `-r:${logging}`, ...sources],
      [`-out:${join(target, 'HelloFcApp.exe')}`, `-r:${netstandard}`, `-r:${logging}`, `-r:${core}`, join(root, 'HelloFcApp', 'Hello.cs')],
    ]) {
      const built = run('mcs', args);
      expect(built.status, built.output).toBe(0);
    }
    const result = await runCommand([root], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: the run bootstrap does not build with mcs against the published Aliyun\.Serverless\.Core: .*error CS0012: [^\n]*netstandard[^\n]*: mono's netstandard facade is missing \(apt-get install mono-devel\)\n$/);
  });

  test('an unbuilt project is one line naming the publish command, exit 2', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    expect(await runCommand([root], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: no built HelloFcApp.dll in ./HelloFcApp/target: build the project first (dotnet publish ./HelloFcApp -c Release -o ./HelloFcApp/target)\n',
    });
  });
});

describe('C# without a host', () => {
  test('without dotnet, or mono with mcs, run says what to install in one line, exit 2', async () => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1' });
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await runCommand([root], root)).toEqual({
        status: 2,
        stdout: '',
        stderr: 'error: dotnet is not installed or not on PATH: install the .NET SDK (https://dotnet.microsoft.com/download), or mono with mcs (apt-get install mono-mcs)\n',
      });
    } finally {
      process.env.PATH = path;
    }
  });
});

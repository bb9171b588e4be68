// C# projects are generated to disk and compiled with Debian's mcs against stand-ins for
// Aliyun.Serverless.Core 1.0.1 and the Microsoft.Extensions.Logging.Abstractions it depends on
// (test/stubs/dotnet: the packages' interfaces with their exact signatures; NuGet is out of reach
// here), then run with mono: the generated lifecycle test, and a check that each s.yaml entry names
// a public method with the signature FC calls, in the assembly the csproj builds.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../../src/errors.ts';
import { dotnet } from '../../../src/runtimes/dotnet/generate.ts';
import { resolveSpec } from '../../../src/runtimes/generators.ts';
import type { FilePlan } from '../../../src/plan.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries, tempDir } from '../../helpers/generate.ts';
import { buildDotnetStandIns, DOTNET_LIBRARIES } from '../../helpers/stand-ins.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasMcs = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs');
const hasMono = useToolchain('mono', ['--version'], 'apt-get install -y mono-runtime');
const canRun = hasMcs && hasMono;

// Reads a csproj with System.Xml, or loads the function's assembly and checks each s.yaml entry the way
// FC resolves it: Assembly::Namespace.Class::Method, a public method taking (Stream, IFcContext) and
// returning a Stream for the handler, taking (IFcContext) and returning void for a hook.
const ENTRY_CHECK = `
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml;

public static class EntryCheck
{
    public static int Main(string[] args)
    {
        if (args[0] == "csproj")
        {
            XmlDocument project = new XmlDocument();
            project.Load(args[1]);
            foreach (string name in new[] { "OutputType", "TargetFramework", "AssemblyName", "RootNamespace", "RollForward" })
            {
                XmlNode node = project.SelectSingleNode("/Project/PropertyGroup/" + name);
                Console.WriteLine(name + "=" + (node == null ? "" : node.InnerText));
            }
            foreach (XmlElement reference in project.SelectNodes("//PackageReference|//ProjectReference"))
                Console.WriteLine((reference.Name + "=" + reference.GetAttribute("Include") + " " + reference.GetAttribute("Version")).Trim());
            return 0;
        }
        Assembly assembly = Assembly.LoadFrom(args[0]);
        Type context = Assembly.LoadFrom(Path.Combine(Path.GetDirectoryName(args[0]), "Aliyun.Serverless.Core.dll")).GetType("Aliyun.Serverless.Core.IFcContext");
        int failures = 0;
        foreach (string arg in args.Skip(1))
        {
            string key = arg.Substring(0, arg.IndexOf('='));
            string[] parts = arg.Substring(arg.IndexOf('=') + 1).Split(new[] { "::" }, StringSplitOptions.None);
            Type[] parameters = key == "handler" ? new[] { typeof(Stream), context } : new[] { context };
            string problem = null;
            Type type = assembly.GetType(parts[1]);
            MethodInfo method = type == null ? null : type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, null, parameters, null);
            if (parts[0] != assembly.GetName().Name) problem = "the assembly is " + assembly.GetName().Name + ", not " + parts[0];
            else if (type == null || !type.IsPublic) problem = "no public class " + parts[1];
            else if (method == null) problem = "no public method " + parts[2] + "(" + string.Join(", ", parameters.Select(p => p.Name)) + ")";
            else if (key == "handler" ? method.ReturnType != typeof(Stream) && method.ReturnType != typeof(Task<Stream>) : method.ReturnType != typeof(void)) problem = parts[2] + " returns " + method.ReturnType.Name;
            else if (!method.IsStatic && type.GetConstructor(Type.EmptyTypes) == null) problem = parts[1] + " has no public parameterless constructor";
            Console.WriteLine(key + ": " + (problem ?? "ok"));
            if (problem != null) failures++;
        }
        return failures == 0 ? 0 : 1;
    }
}
`;

let libraries = '';
let entryCheck = '';
beforeAll(() => {
  if (!canRun) return;
  libraries = buildDotnetStandIns();
  entryCheck = join(libraries, 'EntryCheck.exe');
  writeFileSync(join(libraries, 'EntryCheck.cs'), ENTRY_CHECK);
  const check = run('mcs', ['-r:System.Xml.dll', `-out:${entryCheck}`, join(libraries, 'EntryCheck.cs')]);
  if (check.status !== 0) throw new Error(`EntryCheck does not compile:\n${check.output}`);
});

function csproj(path: string): Record<string, string> {
  const result = run('mono', [entryCheck, 'csproj', path]);
  if (result.status !== 0) throw new Error(result.output);
  return Object.fromEntries(result.stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

function sYamlResource(plan: FilePlan) {
  const doc = parse(plan.files.find((f) => f.path === 's.yaml')!.contents);
  return Object.values(doc.resources)[0] as { actions: Record<string, { run: string; path: string }[]>; props: Record<string, any> };
}

/**
 * Compiles the project s.yaml publishes into <AssemblyName>.exe (warnings are errors), then the test
 * project against it, the way its ProjectReference does; returns the output directory.
 */
function build(root: string, plan: FilePlan, { withTest = true } = {}) {
  const project = sYamlResource(plan).actions['pre-deploy']![0]!.path;
  const projectFile = readdirSync(join(root, project)).find((f) => f.endsWith('.csproj'))!;
  const { AssemblyName } = csproj(join(root, project, projectFile));
  const out = tempDir('fc-dotnet-out-');
  for (const library of DOTNET_LIBRARIES) copyFileSync(join(libraries, library), join(out, library));
  const refs = DOTNET_LIBRARIES.map((library) => `-r:${join(out, library)}`);
  const sources = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.cs')).map((f) => join(root, dir, f));
  const app = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(out, `${AssemblyName}.exe`)}`, ...refs, ...sources(project)]);
  if (app.status !== 0 || !withTest) return { ...app, out, assembly: join(out, `${AssemblyName}.exe`) };
  const tests = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(out, 'LifecycleTest.exe')}`, `-r:${join(out, `${AssemblyName}.exe`)}`, ...refs, ...sources('LifecycleTest')]);
  return { ...tests, out, assembly: join(out, `${AssemblyName}.exe`) };
}

function checkEntries(assembly: string, entries: Record<string, string | undefined>) {
  const args = Object.entries(entries).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  return run('mono', [entryCheck, assembly, ...args]);
}

describe.runIf(canRun).each(dotnet.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: compiles with mcs, and the generated lifecycle test passes under mono', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const built = build(root, plan);
    expect(built.status, built.output).toBe(0);
    const result = run('mono', [join(built.out, 'LifecycleTest.exe')], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  test.each(HOOK_COMBINATIONS)('$name: every s.yaml entry is a public method with the FC signature, in the assembly the csproj builds', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const built = build(root, plan, { withTest: false });
    expect(built.status, built.output).toBe(0);
    const result = checkEntries(built.assembly, sYamlEntries(plan));
    expect(result.status, result.output).toBe(0);
    const expected = ['handler: ok'];
    if ((answers as Record<string, unknown>).initializer !== false) expected.push('initializer: ok');
    if ((answers as Record<string, unknown>).preStop !== false) expected.push('preStop: ok');
    expect(result.stdout.trim().split('\n')).toEqual(expected);
  });

  test('the csproj files: netcoreapp3.1 executable, pinned package, the test referencing the function; s.yaml publishes it', async () => {
    const { root, plan } = await generateProject({ runtime });
    expect(csproj(join(root, 'HelloFcApp', 'HelloFcApp.csproj'))).toEqual({
      OutputType: 'Exe',
      TargetFramework: 'netcoreapp3.1',
      AssemblyName: 'HelloFcApp',
      RootNamespace: 'Example',
      // FC runs the function on dotnetcore3.1: no roll-forward there.
      RollForward: '',
      PackageReference: 'Aliyun.Serverless.Core 1.0.1',
    });
    expect(csproj(join(root, 'LifecycleTest', 'LifecycleTest.csproj'))).toMatchObject({
      OutputType: 'Exe',
      TargetFramework: 'netcoreapp3.1',
      // The local test may run on a newer .NET than 3.1.
      RollForward: 'LatestMajor',
      ProjectReference: '../HelloFcApp/HelloFcApp.csproj',
    });
    const resource = sYamlResource(plan);
    expect(resource.props).toMatchObject({ code: './HelloFcApp/target', handler: 'HelloFcApp::Example.Hello::StreamHandler' });
    expect(resource.actions).toEqual({ 'pre-deploy': [{ run: 'dotnet publish -c Release -o ./target', path: './HelloFcApp' }] });
  });
});

describe.runIf(canRun)('custom entries and broken code', () => {
  test('another assembly, nested namespace and method names: files and s.yaml follow, and the test passes', async () => {
    const entries = { handler: 'Orders.Fn::Acme.Orders.OrderFunction::Handle', initializer: 'Orders.Fn::Acme.Orders.OrderFunction::Warm', preStop: 'Orders.Fn::Acme.Orders.OrderFunction::Drain' };
    const { root, plan } = await generateProject({ runtime: 'dotnetcore3.1', ...entries });
    expect(plan.files.map((f) => f.path)).toEqual(expect.arrayContaining(['Orders.Fn/Orders.Fn.csproj', 'Orders.Fn/OrderFunction.cs']));
    expect(sYamlEntries(plan)).toEqual(entries);
    expect(sYamlResource(plan).actions['pre-deploy']![0]!.path).toBe('./Orders.Fn');
    const built = build(root, plan);
    expect(built.status, built.output).toBe(0);
    expect(checkEntries(built.assembly, entries).status).toBe(0);
    const result = run('mono', [join(built.out, 'LifecycleTest.exe')], { cwd: root });
    expect(result.status, result.output).toBe(0);
  });

  test('a hook that is on in s.yaml but missing from the code fails the generated test and the entry check', async () => {
    const { root, plan } = await generateProject({ runtime: 'dotnetcore3.1' });
    expect(sYamlEntries(plan).preStop).toBe('HelloFcApp::Example.Hello::PreStop');
    const source = join(root, 'HelloFcApp', 'Hello.cs');
    const code = readFileSync(source, 'utf8');
    const start = code.indexOf('        /// <summary>\n        /// PreStop:');
    writeFileSync(source, code.slice(0, start) + code.slice(code.indexOf('        static string Json')));
    expect(readFileSync(source, 'utf8')).not.toMatch(/void PreStop/);
    const built = build(root, plan);
    expect(built.status, built.output).toBe(0);
    const tested = run('mono', [join(built.out, 'LifecycleTest.exe')], { cwd: root });
    expect(tested.status).not.toBe(0);
    expect(tested.output).toMatch(/not ok - s\.yaml's HelloFcApp::Example\.Hello::PreStop is a public void PreStop\(IFcContext\)/);
    const checked = checkEntries(built.assembly, sYamlEntries(plan));
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).toMatch(/^preStop: no public method PreStop\(IFcContext\)$/m);
  });

  test('a hook with the wrong signature, or an assembly name that is not the entries\', fails the entry check', async () => {
    const { root, plan } = await generateProject({ runtime: 'dotnetcore3.1' });
    const source = join(root, 'HelloFcApp', 'Hello.cs');
    writeFileSync(source, readFileSync(source, 'utf8').replace('public void Initialize(IFcContext context)', 'public void Initialize(IFcContext context, int attempt)'));
    const built = build(root, plan, { withTest: false });
    expect(built.status, built.output).toBe(0);
    const checked = checkEntries(built.assembly, sYamlEntries(plan));
    expect(checked.stdout).toMatch(/^initializer: no public method Initialize\(IFcContext\)$/m);

    const project = join(root, 'HelloFcApp', 'HelloFcApp.csproj');
    writeFileSync(project, readFileSync(project, 'utf8').replace('<AssemblyName>HelloFcApp</AssemblyName>', '<AssemblyName>HelloWorldApp</AssemblyName>'));
    const renamed = build(root, plan, { withTest: false });
    expect(checkEntries(renamed.assembly, sYamlEntries(plan)).stdout).toMatch(/^handler: the assembly is HelloWorldApp, not HelloFcApp$/m);
  });

  test('a non-idempotent initializer makes the generated test fail', async () => {
    const { root, plan } = await generateProject({ runtime: 'dotnetcore3.1' });
    const source = join(root, 'HelloFcApp', 'Hello.cs');
    const code = readFileSync(source, 'utf8');
    const guard = '                if (resource != null)\n                {\n                    return;\n                }\n';
    expect(code).toContain(guard);
    writeFileSync(source, code.replace(guard, ''));
    const built = build(root, plan);
    expect(built.status, built.output).toBe(0);
    const result = run('mono', [join(built.out, 'LifecycleTest.exe')], { cwd: root });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/not ok - the handler uses what the initializer set up/);
  });
});

describe('entry validation', () => {
  const reject = (answers: Record<string, string | boolean>) => {
    try {
      resolveSpec({ runtime: 'dotnetcore3.1', dir: 'my-fn', ...answers }, '/work');
    } catch (error) {
      if (error instanceof InputError) return `${error.field}: ${error.rule}`;
      throw error;
    }
    throw new Error('accepted');
  };

  test.each([
    [{ handler: 'Example.Hello::StreamHandler' }, /^handler: .* must be <Assembly>::<Namespace>\.<Class>::<Method>, e\.g\. HelloFcApp::Example\.Hello::StreamHandler$/],
    [{ handler: 'HelloFcApp::Hello::StreamHandler' }, /^handler: .* must be <Assembly>::<Namespace>\.<Class>::<Method>/],
    [{ initializer: 'HelloFcApp::Example.Hello.Initialize' }, /^initializer: .* must be .*e\.g\. HelloFcApp::Example\.Hello::Initialize$/],
    [{ handler: 'Hello-Fc::Example.Hello::StreamHandler' }, /^handler: "Hello-Fc" is not a usable assembly name/],
    [{ handler: 'LifecycleTest::Example.Hello::StreamHandler' }, /^handler: assembly "LifecycleTest" is the name of the generated test project/],
    [{ handler: 'HelloFcApp::Example.2Hello::StreamHandler' }, /^handler: "2Hello" is not a legal C# class name/],
    [{ handler: 'HelloFcApp::Example.class::StreamHandler' }, /^handler: "class" is a C# keyword and cannot name a class$/],
    [{ handler: 'HelloFcApp::namespace.Hello::StreamHandler' }, /^handler: "namespace" is a C# keyword and cannot name a namespace$/],
    [{ handler: 'HelloFcApp::Example.Hello::return' }, /^handler: "return" is a C# keyword and cannot name a method$/],
    [{ handler: 'HelloFcApp::Example.Stream::StreamHandler' }, /^handler: "Stream" would shadow a type the generated code uses/],
    [{ handler: 'HelloFcApp::LifecycleTest.Hello::StreamHandler' }, /^handler: namespace "LifecycleTest" is the name of the generated test's class/],
    [{ handler: 'HelloFcApp::Example.Hello::Main' }, /^handler: method "Main" would clash with the class name or a member the generated code defines/],
    [{ initializer: 'HelloFcApp::Example.Hello::GetResource' }, /^initializer: method "GetResource" would clash with the class name or a member the generated code defines/],
    [{ handler: 'HelloFcApp::Example.Hello::Hello' }, /^handler: method "Hello" would clash with the class name/],
    [{ initializer: 'OtherApp::Example.Hello::Initialize' }, /^initializer: .* names assembly OtherApp but --handler names HelloFcApp; handler and hooks must be in one assembly$/],
    [{ preStop: 'HelloFcApp::Example.Other::PreStop' }, /^pre-stop: .* names class Example\.Other but --handler names Example\.Hello; handler and hooks must be one class$/],
    [{ preStop: 'HelloFcApp::Example.Hello::Initialize' }, /^pre-stop: method "Initialize" is already used by --initializer; each entry point needs its own method$/],
    [{ initializer: '' }, /^initializer: "" must be <Assembly>::/],
  ])('%o is refused', (answers, rule) => {
    expect(reject(answers)).toMatch(rule);
  });

  test('one assembly for the three entries by default (the FC docs\' s.yaml mixes two)', () => {
    expect(new Set(Object.values(dotnet.defaults).map((entry) => entry.split('::')[0]))).toEqual(new Set(['HelloFcApp']));
  });
});

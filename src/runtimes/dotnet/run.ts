// `run` for C# (dotnetcore3.1, spec §1.7): templates/dotnet/run/FcRunBootstrap.cs, compiled against the
// Aliyun.Serverless.Core in the publish folder s.yaml's `code` names, loads the function's assembly
// from that folder and calls the entries through IFcContext. The host is `dotnet` when it is there
// (the bootstrap built as a small project; tested here only with a stand-in `dotnet`, there is no .NET
// SDK on this machine), else mono with mcs, which load the netstandard2.0 Aliyun.Serverless.Core
// (through mono's netstandard facade) and a netcoreapp3.1 function that uses only what mono has too.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { writeBootstrap } from '../../run/bootstrap.ts';
import { hasTool, startBootstrap } from '../../run/child.ts';
import { hookTimeout, rootUntilBuilt } from '../../run/target.ts';
import { RunSetupError, type LogSink, type Runner, type RunTarget } from '../../run/types.ts';

/** The assemblies the bootstrap references; `dotnet publish` copies both into the publish folder. */
const LIBRARIES = ['Aliyun.Serverless.Core', 'Microsoft.Extensions.Logging.Abstractions'];

type Host = 'dotnet' | 'mono';

function chooseHost(): Host {
  if (hasTool('dotnet')) return 'dotnet';
  if (hasTool('mono') && hasTool('mcs')) return 'mono';
  throw new RunSetupError('dotnet is not installed or not on PATH: install the .NET SDK (https://dotnet.microsoft.com/download), or mono with mcs (apt-get install mono-mcs)');
}

/** The publish folder holding the handler's assembly (.dll; .exe as mcs names it) and its libraries. */
function publishFolder(target: RunTarget): string {
  const assembly = (target.entries.invoke ?? '').split('::')[0]!;
  const folder = target.resource.declaredCode ?? join(target.root, 'target');
  const built = ['.dll', '.exe'].some((extension) => existsSync(join(folder, assembly + extension)));
  const missing = built ? LIBRARIES.find((library) => !existsSync(join(folder, `${library}.dll`))) : assembly;
  if (missing === undefined) return folder;
  const shown = `./${relative(target.root, folder)}`;
  const project = existsSync(join(target.root, assembly, `${assembly}.csproj`)) ? `./${assembly} ` : '';
  throw new RunSetupError(`no built ${missing}.dll in ${shown}: build the project first (dotnet publish ${project}-c Release -o ${shown})`);
}

/**
 * Runs a build step unless `product` exists (a restarted instance reuses it); its first error, and
 * `hint` when the output matches it, is the one line run prints when it fails.
 */
function build(command: string, args: string[], cwd: string, product: string, hint?: { when: RegExp; say: string }): void {
  if (existsSync(product)) return;
  const built = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (built.status === 0) return;
  const output = `${built.stdout ?? ''}${built.stderr ?? ''}`;
  const lines = output.split('\n');
  // The compiler's own diagnostic (`File.cs(3,5): error CS0246: ...`), else any line naming an error.
  const line = lines.find((text) => /\berror [A-Z]+\d+/.test(text)) ?? lines.find((text) => /error/i.test(text)) ?? built.error?.message ?? `exit ${built.status}`;
  const advice = hint && hint.when.test(output) ? `: ${hint.say}` : '';
  throw new RunSetupError(`the run bootstrap does not build with ${command} against the published Aliyun.Serverless.Core: ${line.trim()}${advice}`);
}

/**
 * Mono's netstandard facade, in the lib folder beside mcs when mono-devel is installed. The published
 * Aliyun.Serverless.Core targets netstandard2.0, so mcs needs it as a reference (msbuild adds it by itself).
 */
function netstandardFacade(): string | undefined {
  const mcs = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'mcs')).find((path) => existsSync(path));
  const facade = mcs && join(dirname(realpathSync(mcs)), '..', 'lib', 'mono', '4.5', 'Facades', 'netstandard.dll');
  return facade && existsSync(facade) ? facade : undefined;
}

/** mcs compiles the bootstrap into workDir; returns the command that hosts it. */
function buildWithMcs(source: string, folder: string, workDir: string): string[] {
  const exe = join(workDir, 'FcRunBootstrap.exe');
  const facade = netstandardFacade();
  const references = [...LIBRARIES.map((library) => join(folder, `${library}.dll`)), ...(facade ? [facade] : [])];
  build('mcs', [`-out:${exe}`, ...references.map((reference) => `-r:${reference}`), source], workDir, exe, {
    when: /assembly `netstandard\b/,
    say: "mono's netstandard facade is missing (apt-get install mono-devel)",
  });
  return ['mono', exe];
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The bootstrap as a project for the installed SDK (it rolls forward to the newest runtime); returns the command that hosts it. */
function buildWithDotnet(folder: string, workDir: string): string[] {
  const [major, minor] = spawnSync('dotnet', ['--version'], { encoding: 'utf8' }).stdout.trim().split('.').map(Number);
  const framework = major! >= 5 ? `net${major}.0` : `netcoreapp${major}.${minor}`;
  const references = LIBRARIES.map((library) => `    <Reference Include="${library}"><HintPath>${xml(join(folder, `${library}.dll`))}</HintPath><Private>false</Private></Reference>`);
  writeFileSync(
    join(workDir, 'FcRunBootstrap.csproj'),
    `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>${framework}</TargetFramework>\n    <RollForward>LatestMajor</RollForward>\n  </PropertyGroup>\n  <ItemGroup>\n${references.join('\n')}\n  </ItemGroup>\n</Project>\n`,
  );
  const out = join(workDir, 'out');
  const dll = join(out, 'FcRunBootstrap.dll');
  build('dotnet', ['build', workDir, '-c', 'Release', '-o', out, '--nologo'], workDir, dll);
  return ['dotnet', dll];
}

export const dotnetRunner: Runner = {
  // The code is the publish folder, which may not be built yet: prepare says what to build.
  codeDir: rootUntilBuilt,
  async prepare(target) {
    chooseHost();
    publishFolder(target);
  },
  async start(target: RunTarget, workDir: string, log: LogSink) {
    const folder = publishFolder(target);
    const source = await writeBootstrap('dotnet', 'FcRunBootstrap.cs', workDir);
    const host = chooseHost() === 'dotnet' ? buildWithDotnet(folder, workDir) : buildWithMcs(source, folder, workDir);
    const entry = target.entries.initializer;
    const initializer = entry ? [entry, String(hookTimeout(target.resource, 'initializer'))] : ['', '0'];
    return startBootstrap([...host, ...initializer], { cwd: folder, env: target.env, entries: target.entries }, log);
  },
};

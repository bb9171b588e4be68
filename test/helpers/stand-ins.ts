// The SDK stand-ins in test/stubs, built for the toolchains that compile generated Java, Go and C#
// code (Maven Central, the Go proxy and NuGet are out of reach here).
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './generate.ts';
import { run } from './toolchain.ts';

const STUBS = fileURLToPath(new URL('../stubs', import.meta.url));

/** Compiles the fc-java-core stand-in (its interfaces, Java 8 bytecode); returns the classes directory. */
export function buildJavaStandIn(): string {
  const classes = join(tempDir('fc-java-stubs-'), 'classes');
  const sources = run('find', [join(STUBS, 'java'), '-name', '*.java']).stdout.trim().split('\n');
  const built = run('javac', ['--release', '8', '-d', classes, ...sources]);
  if (built.status !== 0) throw new Error(`the fc-java-core stand-in does not compile:\n${built.output}`);
  return classes;
}

/** The stand-in assemblies, each after the ones it references (the recipes' clients last). */
export const DOTNET_LIBRARIES = ['Microsoft.Extensions.Logging.Abstractions.dll', 'Aliyun.Serverless.Core.dll', 'MySqlConnector.dll', 'StackExchange.Redis.dll'];

/** Compiles the Aliyun.Serverless.Core, logging and client stand-ins with mcs; returns the directory holding the dlls. */
export function buildDotnetStandIns(): string {
  const libraries = tempDir('fc-dotnet-stubs-');
  DOTNET_LIBRARIES.forEach((name, index) => {
    const dir = join(STUBS, 'dotnet', name.replace(/\.dll$/, ''));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.cs')).map((f) => join(dir, f));
    const refs = DOTNET_LIBRARIES.slice(0, index).map((r) => `-r:${join(libraries, r)}`);
    const built = run('mcs', ['-target:library', `-out:${join(libraries, name)}`, ...refs, ...sources]);
    if (built.status !== 0) throw new Error(`the ${name} stand-in does not compile:\n${built.output}`);
  });
  return libraries;
}

// Offline: modules come from the replace directive only; Debian's Go, never a downloaded toolchain.
export const GO_ENV = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' };

/**
 * A copy of code/ (and the s.yaml its test reads) that builds against the fc-runtime-go-sdk stand-in,
 * wired with a `replace` directive; the generated project and its go.mod are left untouched.
 */
export function goWorkCopy(root: string): string {
  const copy = tempDir('fc-go-work-');
  const work = join(copy, 'code');
  cpSync(join(root, 'code'), work, { recursive: true });
  cpSync(join(root, 's.yaml'), join(copy, 's.yaml'));
  // The sample events the generated test reads (../events/http.json), when the project has them.
  if (existsSync(join(root, 'events'))) cpSync(join(root, 'events'), join(copy, 'events'), { recursive: true });
  const replaced = run('go', ['mod', 'edit', `-replace=github.com/aliyun/fc-runtime-go-sdk=${join(STUBS, 'go')}`], { cwd: work, env: GO_ENV });
  if (replaced.status !== 0) throw new Error(replaced.output);
  return work;
}

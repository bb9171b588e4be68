// `create-fc-lifecycle run` on Java: the built jar (or target/classes plus target/dependency) is loaded
// by the bootstrap, which calls the entry class through the fc-java-core interfaces (the stand-in in
// test/stubs/java). `run` did not exist before issue 13, so every test here failed on the old code
// (the command was unknown).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { generateProject, HOOK_COMBINATIONS, tempDir } from '../../helpers/generate.ts';
import { expectGeneratedProjectRuns, markers, runCommand } from '../../helpers/run-cli.ts';
import { buildJavaStandIn } from '../../helpers/stand-ins.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasJava = useToolchain('javac', ['-version'], 'apt-get install -y openjdk-17-jdk-headless');

let standIn: string | undefined;
/** The fc-java-core stand-in's classes, compiled once for the file. */
const standInClasses = () => (standIn ??= buildJavaStandIn());

/** Compiles the generated src/main/java against the stand-in, as `mvn package` would build it. */
function compile(root: string, release: string): string {
  const classes = tempDir('fc-run-java-');
  const sources = run('find', [join(root, 'src', 'main', 'java'), '-name', '*.java']).stdout.trim().split('\n');
  const built = run('javac', ['--release', release, '-cp', standInClasses(), '-d', classes, ...sources]);
  expect(built.status, built.output).toBe(0);
  return classes;
}

/** The jar s.yaml's code names, with fc-java-core in it (maven-assembly-plugin's jar-with-dependencies). */
function buildFatJar(root: string, release: string): void {
  const code = Object.values(parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources as Record<string, { props: { code: string } }>)[0]!.props.code;
  mkdirSync(join(root, 'target'), { recursive: true });
  const jar = run('jar', ['cf', join(root, code), '-C', compile(root, release), '.', '-C', standInClasses(), '.']);
  expect(jar.status, jar.output).toBe(0);
}

describe.runIf(hasJava)('java', () => {
  test.each(HOOK_COMBINATIONS)('java11 $name: the built jar passes run', async ({ answers }) => {
    const { root } = await generateProject({ runtime: 'java11', ...answers });
    buildFatJar(root, '11');
    await expectGeneratedProjectRuns(root, answers);
  });

  test('java8 both hooks: target/classes plus target/dependency/*.jar pass run', async () => {
    const { root } = await generateProject({ runtime: 'java8' });
    cpSync(compile(root, '8'), join(root, 'target', 'classes'), { recursive: true });
    mkdirSync(join(root, 'target', 'dependency'));
    expect(run('jar', ['cf', join(root, 'target', 'dependency', 'fc-java-core-1.4.1.jar'), '-C', standInClasses(), '.']).status).toBe(0);
    const result = await runCommand([root], root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(markers(result.stdout)).toEqual(['Initialize Start', 'Initialize End', 'Invoke Start', 'Invoke End', 'PreStop Start', 'PreStop End']);
  });

  test('an initializer that throws fails with InitializationError after its retry (spec §5), exit 1', async () => {
    const { root } = await generateProject({ runtime: 'java11' });
    const app = join(root, 'src', 'main', 'java', 'example', 'App.java');
    writeFileSync(app, readFileSync(app, 'utf8').replace(/(public void initialize\(Context context\) throws IOException \{)/, '$1\n        if (true) throw new IOException("database unreachable");'));
    buildFatJar(root, '11');
    const result = await runCommand([root, '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps).toMatchObject([
      { kind: 'initializer', attempt: 1, errorType: 'InitializationError', errorMessage: 'java.io.IOException: database unreachable' },
      { kind: 'initializer', attempt: 2, errorType: 'InitializationError', errorMessage: 'java.io.IOException: database unreachable' },
    ]);
  });

  test('an unbuilt project is one line naming the build, exit 2', async () => {
    const { root } = await generateProject({ runtime: 'java11' });
    const result = await runCommand([root], root);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `error: no built jar ${join(root, 'target', 'my-fn-1.0.0-jar-with-dependencies.jar')} and no target/classes: build the project first (mvn package)\n` });
  });
});

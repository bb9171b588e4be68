// The hook editor (add/remove) and the doctor on --language typescript projects: they read and edit the
// TypeScript source that package.json's build turns into the entry file (src/index.ts, src/server.ts),
// built or not, never the built file. Before this, add on an unbuilt project failed ("needs
// code/index.js, .mjs or .cjs, and none exists") and the doctor read nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { main, type Io } from '../../../src/cli/main.ts';
import { diagnose } from '../../../src/doctor/index.ts';
import { HOOK_COMBINATIONS } from '../../helpers/generate.ts';
import { run } from '../../helpers/toolchain.ts';
import { npmTest, REPO_MODULES, typeScriptProject } from '../../helpers/typescript.ts';

async function cli(args: string[], cwd: string) {
  let output = '';
  const io: Io = { stdout: (text) => (output += text), stderr: (text) => (output += text), interactive: false, cwd };
  return { status: await main(args, io), output };
}

const VARIANTS = [
  { runtime: 'nodejs18', defaults: { initializer: 'index.initialize', preStop: 'index.preStop' }, source: 'src/index.ts' },
  { runtime: 'nodejs20', defaults: { initializer: 'index.initialize', preStop: 'index.preStop' }, source: 'src/index.ts' },
  { runtime: 'custom.debian10', server: 'node', defaults: { initializer: 'true', preStop: 'true' }, source: 'src/server.ts' },
];

describe.each(VARIANTS)('$runtime', ({ runtime, server, defaults, source }) => {
  const answers = { runtime, ...(server && { server }) };

  test.each(HOOK_COMBINATIONS)('$name: the doctor finds nothing, before and after the build', async (combination) => {
    const { root } = await typeScriptProject({ ...answers, ...combination.answers });
    expect((await diagnose(root)).findings).toEqual([]);
    expect(run('npm', ['run', 'build', '--silent'], { cwd: root }).status).toBe(0);
    expect((await diagnose(root)).findings).toEqual([]);
  });

  test('the doctor reads the TypeScript source: with the hooks gone from s.yaml it finds both there', async () => {
    const { root } = await typeScriptProject(answers);
    const doc = parseDocument(readFileSync(join(root, 's.yaml'), 'utf8'));
    doc.deleteIn(['resources', 'my-fn', 'props', 'instanceLifecycleConfig']);
    writeFileSync(join(root, 's.yaml'), doc.toString());
    const findings = (await diagnose(root)).findings;
    expect(findings.map((f) => [f.rule, f.file])).toEqual([
      ['hook-without-config', join(root, source)],
      ['hook-without-config', join(root, source)],
    ]);
  });

  test('add and remove edit the source and s.yaml, never code/; the project type-checks, builds and passes its test at each step', async () => {
    const { root } = await typeScriptProject({ ...answers, initializer: false, preStop: false });
    const added = await cli(['add', '.', '--initializer', defaults.initializer, '--pre-stop', defaults.preStop, '--yes'], root);
    expect(added.status, added.output).toBe(0);
    expect(added.output).not.toMatch(/code\//);
    expect(existsSync(join(root, 'code'))).toBe(false);
    expect((await diagnose(root)).findings).toEqual([]);
    let result = npmTest(root);
    expect(result.status, result.output).toBe(0);

    const removed = await cli(['remove', '.', '--initializer', '--pre-stop', '--yes'], root);
    expect(removed.status, removed.output).toBe(0);
    expect(removed.output).not.toMatch(/code\//);
    expect((await diagnose(root)).findings).toEqual([]);
    result = npmTest(root);
    expect(result.status, result.output).toBe(0);

    const again = await cli(['add', '.', '--initializer', defaults.initializer, '--pre-stop', defaults.preStop, '--yes'], root);
    expect(again.status, again.output).toBe(0);
    expect((await diagnose(root)).findings).toEqual([]);
    expect(npmTest(root).status).toBe(0);
  });
});

describe('nodejs20', () => {
  test('add writes typed hooks into src/index.ts (FcContext, as generated), and they run in the built file', async () => {
    const { root } = await typeScriptProject({ runtime: 'nodejs20', initializer: false, preStop: false });
    const result = await cli(['add', '.', '--initializer', 'index.initialize', '--pre-stop', 'index.preStop', '--yes'], root);
    expect(result.output).toMatch(/Initializer: src\/index\.ts:\d+ added/);
    const text = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
    expect(text).toMatch(/export const initialize = async \(context: FcContext\): Promise<string> => \{/);
    expect(text).toMatch(/export const preStop = async \(context: FcContext\): Promise<string> => \{/);
    // Before the build, run refuses with one line: it runs the built file, which is not there yet.
    const ran = await cli(['run', '.'], root);
    expect([ran.status, ran.output]).toEqual([1, expect.stringMatching(/^error: s\.yaml: resources\.my-fn\.props\.code: .*\/code does not exist\n$/)]);
    expect(run('npm', ['run', 'build', '--silent'], { cwd: root }).status).toBe(0);
    const built = await cli(['run', '.'], root);
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(/initialize: initializer ran/);
    expect(built.output).toMatch(/preStop: preStop ran/);
  });

  test('a source without FcContext gets a hook typed by the one field it uses, and still type-checks', async () => {
    const { root } = await typeScriptProject({ runtime: 'nodejs20', initializer: false, preStop: false });
    const path = join(root, 'src', 'index.ts');
    writeFileSync(path, 'export const handler = async (event: Buffer): Promise<string> => `${event.length}`;\n');
    expect((await cli(['add', '.', '--initializer', 'index.initialize', '--yes'], root)).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/\(context: \{ logger: \{ info\(message: string\): void \} \}\): Promise<string>/);
    const tsc = run('node', [join(REPO_MODULES, 'typescript', 'bin', 'tsc'), '--noEmit', '-p', root]);
    expect(tsc.status, tsc.output).toBe(0);
  });

  test('a hook declared like a handler in the TypeScript source is an arity error there', async () => {
    const { root } = await typeScriptProject({ runtime: 'nodejs20' });
    const path = join(root, 'src', 'index.ts');
    writeFileSync(path, readFileSync(path, 'utf8').replace('export const preStop = async (context: FcContext)', 'export const preStop = async (event: FcEvent, context: FcContext, extra: string)'));
    expect((await diagnose(root)).findings.map((f) => [f.rule, f.file])).toEqual([['nodejs-arity', path]]);
  });
});

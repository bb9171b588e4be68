// `create-fc-lifecycle run` on Go: the code is built with `go build` and the binary polls the FC
// runtime API that run serves, the protocol of fc-runtime-go-sdk v0.3.1, which the stand-in in
// test/stubs/go speaks (fc/runtime_api.go). `run` did not exist before issue 13, so every test here
// failed on the old code (the command was unknown).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateProject, HOOK_COMBINATIONS } from '../../helpers/generate.ts';
import { expectGeneratedProjectRuns, runCommand } from '../../helpers/run-cli.ts';
import { goWorkCopy } from '../../helpers/stand-ins.ts';
import { useToolchain } from '../../helpers/toolchain.ts';

const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');

/** A generated go1 project wired to the SDK stand-in; returns its root (s.yaml beside code/). */
async function goProject(answers: Record<string, unknown> = {}): Promise<string> {
  const { root } = await generateProject({ runtime: 'go1', functionName: 'go-fn', ...answers });
  return dirname(goWorkCopy(root));
}

describe.runIf(hasGo)('go1', () => {
  test.each(HOOK_COMBINATIONS)('$name: the generated project passes run', async ({ answers }) => {
    // go build writes into run's own directory: the project (no target/main, no go.sum) is unchanged.
    await expectGeneratedProjectRuns(await goProject(answers), answers);
  });

  test('a hook registered after fc.Start is never registered: FC runs it as "no prestop handler registered" (spec §1.6), exit 1', async () => {
    const root = await goProject();
    const main = join(root, 'code', 'main.go');
    writeFileSync(main, readFileSync(main, 'utf8')
      .replace('\tfc.RegisterPreStopFunction(preStop)\n', '')
      .replace('\tfc.Start(handleRequest)\n', '\tfc.Start(handleRequest)\n\tfc.RegisterPreStopFunction(preStop)\n'));
    const result = await runCommand([root, '--json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).steps.at(-1)).toMatchObject({ kind: 'preStop', ok: false, errorMessage: 'no prestop handler registered' });
  });

  test('a Go project that does not build is one line, exit 2', async () => {
    const root = await goProject();
    writeFileSync(join(root, 'code', 'main.go'), 'package main\n\nfunc main() { undefined() }\n');
    const result = await runCommand([root], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: go build failed in .*: .*undefined.* \(run go mod tidy there first\)\n$/);
  });

  test('no Go source and no built binary is one line naming what to build, exit 2', async () => {
    const root = await goProject();
    rmSync(join(root, 'code', 'go.mod'));
    writeFileSync(join(root, 'code', 'placeholder'), '');
    mkdirSync(join(root, 'code', 'target'));
    const result = await runCommand([root], root);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `error: no Go source (go.mod) and no built binary ${join(root, 'code', 'target', 'main')}: build it first (go build -o ${join(root, 'code', 'target', 'main')})\n` });
  });
});

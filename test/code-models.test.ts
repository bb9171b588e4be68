// A family's code.ts is the one reader of hand-written code that the doctor and the hook editor both
// ask: where they read differently before, one of them was wrong, and these cases show which.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { diagnose } from '../src/doctor/index.ts';
import { applyHookPlan, planAddHooks } from '../src/hooks/index.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasJavac = useToolchain('javac', ['-version'], 'a JDK 17');
const hasGo = useToolchain('go', ['version'], 'apt-get install -y golang-go');
const stubs = (language: string) => fileURLToPath(new URL(`./stubs/${language}`, import.meta.url));

const JAVA_FILE = 'src/main/java/com/acme/orders/OrderHandler.java';

test('Java: an interface named in a comment on the class line is not implemented; add puts the real one before the comment', async () => {
  const root = copyFixture('java11');
  const path = join(root, JAVA_FILE);
  writeFileSync(path, readFileSync(path, 'utf8').replace(
    'public class OrderHandler implements StreamRequestHandler {',
    'public class OrderHandler implements StreamRequestHandler // not a FunctionInitializer yet\n{',
  ));
  await applyHookPlan(await planAddHooks({ dir: root, initializer: 'com.acme.orders.OrderHandler::initialize' }, root));
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('public class OrderHandler implements StreamRequestHandler, FunctionInitializer // not a FunctionInitializer yet\n{');
  expect(text).toContain('import com.aliyun.fc.runtime.FunctionInitializer;');
  expect((await diagnose(root)).findings).toEqual([]);
  if (hasJavac) {
    const compiled = run('javac', ['-d', tempDir('fc-javac-'), '-sourcepath', stubs('java'), path]);
    expect(compiled.status, compiled.output).toBe(0);
  }
});

/** The hand-written custom-runtime server of the fixture, with `edit` applied to its code. */
function customServer(edit: (text: string) => string): string {
  const root = copyFixture('custom.debian10');
  const path = join(root, 'code/server.py');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return root;
}

test('custom runtime: a route named only in a comment is not served; the editor warns, and the doctor sees no hook', async () => {
  const root = customServer((text) => text.replace('class Handler(', '# TODO: answer "/pre-stop" too\nclass Handler('));
  expect((await diagnose(root)).findings.filter((finding) => finding.message.includes('/pre-stop'))).toEqual([]);
  const plan = await planAddHooks({ dir: root, preStop: true }, root);
  expect(plan.warnings).toEqual([
    'PreStop: FC will call GET /pre-stop on your server, and no code in code mentions /pre-stop: add a route that answers it with 2xx before deploying (a non-2xx answer fails the hook)',
  ]);
});

test('custom runtime: a route written with a trailing slash is the hook for both; the doctor reports it unconfigured, the editor finds it', async () => {
  const root = customServer((text) => text.replace('if self.path == "/initialize":', 'if self.path in ("/initialize/", "/x"):'));
  expect((await diagnose(root)).findings.filter((finding) => finding.rule === 'hook-without-config').map((finding) => [finding.line, finding.message.split(' is ')[0]])).toEqual([[8, 'route /initialize']]);
  const plan = await planAddHooks({ dir: root, initializer: true }, root);
  expect(plan.notes).toContain('Initializer: FC calls POST /initialize; code/server.py:8 mentions that route');
});

test('Go: a hook function with a comment in its parameter list is func(context.Context) for both; add registers it', async () => {
  const root = copyFixture('go1');
  const path = join(root, 'code/main.go');
  const text = readFileSync(path, 'utf8').replace('\t"encoding/json"', '\t"context"\n\t"encoding/json"');
  writeFileSync(path, `${text}\nfunc cleanup(ctx /* FC's context */ context.Context) {\n}\n`);
  await applyHookPlan(await planAddHooks({ dir: root, preStop: 'cleanup' }, root));
  expect(readFileSync(path, 'utf8')).toContain('\tfc.RegisterPreStopFunction(cleanup)\n\tfc.Start(HandleRequest)\n');
  expect((await diagnose(root)).findings.filter((finding) => finding.rule.startsWith('go-'))).toEqual([]);
  if (hasGo) {
    const env = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' };
    for (const args of [['mod', 'edit', `-replace=github.com/aliyun/fc-runtime-go-sdk=${stubs('go')}`], ['vet', '.']]) {
      const step = run('go', args, { cwd: join(root, 'code'), env });
      expect(step.status, step.output).toBe(0);
    }
  }
});

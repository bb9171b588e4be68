// `create-fc-lifecycle add|remove`: flags, output, exit codes and the error contract (one line
// `error: <field>: <rule>`, exit 1, no file changed), run in-process; and the prompts on a terminal
// (the .vscode task runs `add .` with no flags), run from the packed tarball in a pseudo-terminal.
import fs from 'node:fs/promises';
import fsSync, { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { applyHookPlan, planAddHooks } from '../src/hooks/index.ts';
import { generateProject, tempDir } from './helpers/generate.ts';
import { copyFixture, readTree } from './helpers/hook-fixtures.ts';
import { runInTerminal } from './helpers/toolchain.ts';
import { packedBin } from './helpers/packed-bin.ts';

async function cli(args: string[], cwd: string, interactive = false) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive, cwd };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Runs the command and checks the error contract: exit 1, one stderr line, no file changed. */
async function refused(args: string[], root: string, cwd = root) {
  const before = readTree(root);
  const result = await cli(args, cwd);
  expect(result.status, result.stdout).toBe(1);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(readTree(root)).toEqual(before);
  return result.stderr.trimEnd();
}

describe('add', () => {
  test('adds both hooks to a generated project without hooks; the second run says nothing changes', async () => {
    const { root } = await generateProject({ runtime: 'python3.12', initializer: false, preStop: false });
    const first = await cli(['add', '.', '--initializer', 'index.initialize', '--pre-stop', 'index.preStop', '--pre-stop-timeout', '20'], root);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^python3\.12 function, resource my-fn in \.:\n {2}Initializer: s\.yaml added: handler index\.initialize, timeout 60, s\.yaml line \d+\n {2}Initializer: code\/index\.py:\d+ added\n/);
    expect(first.stdout).toMatch(/Updated s\.yaml, code\/index\.py\.\nNext: run the lifecycle test \(`python3 -m unittest discover -s tests -v`\), then `s deploy`\.\n$/);
    const props = parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources['my-fn'].props;
    expect(props.instanceLifecycleConfig).toEqual({ initializer: { handler: 'index.initialize', timeout: 60 }, preStop: { handler: 'index.preStop', timeout: 20 } });

    const after = readTree(root);
    const second = await cli(['add', root, '--initializer', 'index.initialize', '--pre-stop', 'index.preStop'], tempDir());
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Initializer: s\.yaml already has index\.initialize, s\.yaml line \d+\n {2}Initializer: code\/index\.py:\d+ already has it; code not changed\n/);
    expect(second.stdout).toMatch(/Nothing to change: everything asked for is already in place\.\n$/);
    expect(readTree(root)).toEqual(after);
  });

  test('a project the generator wrote with hooks already has them: add changes nothing', async () => {
    const { root } = await generateProject({ runtime: 'nodejs20' });
    const before = readTree(root);
    const result = await cli(['add', '--initializer', 'index.initialize', '--pre-stop', 'index.preStop'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Nothing to change/);
    expect(readTree(root)).toEqual(before);
  });

  test('a handler in a directory (src/index.handler): add and doctor both accept it; the hooks go in that file', async () => {
    const { root } = await generateProject({ runtime: 'nodejs20', initializer: false, preStop: false });
    await fs.mkdir(join(root, 'code', 'src'));
    await fs.rename(join(root, 'code', 'index.mjs'), join(root, 'code', 'src', 'index.mjs'));
    const sYaml = join(root, 's.yaml');
    writeFileSync(sYaml, readFileSync(sYaml, 'utf8').replace('handler: index.handler', 'handler: src/index.handler'));
    expect((await cli(['doctor'], root)).stdout).toMatch(/^no problems found/);
    expect(await refused(['add', '--pre-stop', 'index.preStop'], root)).toBe('error: pre-stop: "index.preStop" is not in the handler\'s file src/index; handler and hooks must be in one file, e.g. src/index.preStop');
    const result = await cli(['add', '--initializer', 'src/index.initialize', '--pre-stop', 'src/index.preStop', '--yes'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Initializer: code/src/index.mjs:');
    expect(parse(readFileSync(sYaml, 'utf8')).resources['my-fn'].props.instanceLifecycleConfig).toEqual({
      initializer: { handler: 'src/index.initialize', timeout: 60 },
      preStop: { handler: 'src/index.preStop', timeout: 60 },
    });
    expect(readFileSync(join(root, 'code', 'src', 'index.mjs'), 'utf8')).toMatch(/export const initialize = async \(context\)[\s\S]*export const preStop = async \(context\)/);
    const doctor = await cli(['doctor'], root);
    expect(doctor.stdout, doctor.stdout).toMatch(/^no problems found/);
  });

  test('a hook s.yaml has without a timeout gets one written (hook timeouts are always written)', async () => {
    const { root } = await generateProject({ runtime: 'nodejs20' });
    const sYaml = join(root, 's.yaml');
    const text = readFileSync(sYaml, 'utf8');
    const withoutTimeout = text.replace(/(handler: index\.initialize\n)\s+timeout: 60\n/, '$1');
    expect(withoutTimeout).not.toBe(text);
    writeFileSync(sYaml, withoutTimeout);
    const result = await cli(['add', '--initializer', 'index.initialize', '--yes'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Initializer: s\.yaml already has index\.initialize, s\.yaml line \d+; timeout set to 60\n/);
    expect(parse(readFileSync(sYaml, 'utf8')).resources['my-fn'].props.instanceLifecycleConfig.initializer).toEqual({ handler: 'index.initialize', timeout: 60 });
  });

  test('--dry-run prints the diff and writes nothing', async () => {
    const root = copyFixture('nodejs20-esm');
    const before = readTree(root);
    const result = await cli(['add', '--initializer', 'app.init', '--dry-run'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--- s.yaml\n+++ s.yaml\n@@ -13,3 +13,7 @@\n       memorySize: 2048\n       timeout: 30\n+      instanceLifecycleConfig:\n+        initializer:\n+          handler: app.init\n+          timeout: 60\n       # GPU is not needed\n');
    expect(result.stdout).toContain('+export const init = async (context) => {\n');
    expect(result.stdout).toMatch(/Dry run: nothing written\.\n$/);
    // What it would do, not what it did.
    expect(result.stdout).toMatch(/^ {2}Initializer: s\.yaml would add: handler app\.init, timeout 60, s\.yaml line \d+\n {2}Initializer: code\/app\.mjs:\d+ would be added\n/m);
    expect(result.stdout).not.toMatch(/(?<!be) added\b/);
    expect(readTree(root)).toEqual(before);
  });

  test('a hand-written project is told to deploy, not to run a lifecycle test it does not have', async () => {
    const root = copyFixture('nodejs20-esm');
    const result = await cli(['add', '--initializer', 'app.init', '--yes'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Updated s\.yaml, code\/app\.mjs\.\nNext: `s deploy`\.\n$/);
  });

  test('every command takes --help and --version; -h wins over any other mistake on the line', async () => {
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    for (const command of ['add', 'remove', 'doctor']) {
      const cwd = tempDir('fc-cmd-');
      expect(await cli([command, '--version'], cwd)).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
      expect(await cli([command, '-v'], cwd)).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
      const help = await cli([command, '--bogus', 'a', 'b', '-h'], cwd);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: create-fc-lifecycle ${command} `));
      expect(help.stdout).toMatch(/-v, --version/);
    }
  });

  test('flag errors: a near miss gets "did you mean", a boolean given a value says it takes none', async () => {
    const root = copyFixture('nodejs20-esm');
    expect(await refused(['add', '--pre-stp', 'index.x'], root)).toBe('error: --pre-stp: unknown option (did you mean --pre-stop? see add --help)');
    expect(await refused(['add', '--initializer', 'app.init', '--yes=true'], root)).toBe('error: --yes: takes no value (see add --help)');
    expect(await refused(['doctor', '--jsn'], root)).toBe('error: --jsn: unknown option (did you mean --json? see doctor --help)');
  });

  test('--resource picks one of several fc3 resources', async () => {
    const root = copyFixture('nodejs20-esm');
    const sYaml = join(root, 's.yaml');
    writeFileSync(sYaml, `${readFileSync(sYaml, 'utf8')}  site:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: site\n      runtime: custom\n`);
    expect(await refused(['add', '--initializer', 'app.init'], root)).toBe('error: resource: s.yaml has several fc3 resources (thumbs, site); choose one with --resource <key>');
    const result = await cli(['add', '--initializer', 'app.init', '--resource', 'thumbs'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(parse(readFileSync(sYaml, 'utf8')).resources.thumbs.props.instanceLifecycleConfig.initializer.handler).toBe('app.init');
  });

  test('a runtime id the generator does not offer (nodejs12) is edited with the rules of its family', async () => {
    const root = copyFixture('nodejs16-commonjs');
    writeFileSync(join(root, 's.yaml'), readFileSync(join(root, 's.yaml'), 'utf8').replace('runtime: nodejs16', 'runtime: nodejs12'));
    const result = await cli(['add', '--initializer', 'index.initialize'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'code/index.js'), 'utf8')).toContain('module.exports.initialize = function (context, callback) {');
  });

  test('a custom runtime: only s.yaml, and a warning names the route the server lacks', async () => {
    const root = copyFixture('custom.debian10');
    const result = await cli(['add', '--initializer', 'true', '--pre-stop', 'true'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Initializer: FC calls POST /initialize; code/server.py:8 mentions that route');
    expect(result.stderr).toBe('warning: PreStop: FC will call GET /pre-stop on your server, and no code in code mentions /pre-stop: add a route that answers it with 2xx before deploying (a non-2xx answer fails the hook)\n');
    expect(result.stdout).toMatch(/Updated s\.yaml\./);
  });

  describe('refuses, changing no file', () => {
    test.each([
      [['add', '.'], 'error: initializer: name the hooks to add with --initializer <entry> and/or --pre-stop <entry> (add asks only on a terminal, without --yes)'],
      [['add', '--initializer-timeout', '30', '--pre-stop', 'index.preStop'], 'error: initializer-timeout: is set but --initializer is not'],
      [['add', '--initializer', 'index.init', '--initializer-timeout', '601'], 'error: initializer-timeout: 601 must be from 1 to 600'],
      [['add', '--initializer', 'other.init'], 'error: initializer: "other.init" names file "other" but the handler is in "index"; handler and hooks must be in one file'],
      [['add', '--pre-stop', 'index.preStop'], 'error: pre-stop: s.yaml already has the PreStop hook index.flush, s.yaml line 15; pass --pre-stop index.flush, or switch it off first with `create-fc-lifecycle remove --pre-stop`'],
      [['add', '--pre-stop', 'index.send'], 'error: pre-stop: function "send" is already used by --handler; each entry point needs its own function'],
      [['add', '--initializer', 'index.x', '--bogus'], 'error: --bogus: unknown option (see add --help)'],
      [['add', '--initializer'], 'error: --initializer: needs a value (see add --help)'],
    ])('%j', async (args, message) => {
      expect(await refused(args, copyFixture('nodejs18-module-exports'))).toBe(message);
    });

    test('a function declared but not exported is reported, not duplicated', async () => {
      const root = copyFixture('nodejs18-module-exports');
      writeFileSync(join(root, 'code/index.js'), `${readFileSync(join(root, 'code/index.js'), 'utf8')}\nfunction warmUp(context, callback) {\n  callback(null, '');\n}\n`);
      expect(await refused(['add', '--initializer', 'index.warmUp'], root)).toBe('error: initializer: code/index.js:15 declares warmUp but does not export it; export it, or choose another name');
    });

    test('the handler file is missing', async () => {
      const root = copyFixture('python3.10');
      rmSync(join(root, 'src/main.py'));
      expect(await refused(['add', '--initializer', 'main.initialize'], root)).toBe("error: handler: s.yaml's handler main.handle needs src/main.py, which does not exist");
    });

    test('s.yaml with an alias in the resource', async () => {
      const root = copyFixture('php7.2');
      writeFileSync(join(root, 's.yaml'), 'edition: 3.0.0\ncommon: &common\n  region: cn-hangzhou\n  runtime: php7.2\nresources:\n  f:\n    component: fc3\n    props:\n      <<: *common\n      code: ./code\n      handler: index.handler\n');
      expect(await refused(['add', '--initializer', 'index.initialize'], root)).toMatch(/^error: s\.yaml: resources\.f uses a YAML (alias|merge key) .*; edit s\.yaml by hand$/);
    });

    test('no s.yaml, and a runtime it does not know', async () => {
      const empty = tempDir();
      expect(await refused(['add', '--initializer', 'index.initialize'], empty)).toMatch(/^error: dir: .* has no s\.yaml \(run this in a Serverless Devs project, or pass its directory\)$/);
      const root = copyFixture('php7.2');
      writeFileSync(join(root, 's.yaml'), readFileSync(join(root, 's.yaml'), 'utf8').replace('php7.2', 'ruby3.2'));
      expect(await refused(['add', '--initializer', 'index.initialize'], root)).toBe('error: runtime: s.yaml\'s runtime "ruby3.2" is not a Function Compute 3.0 runtime create-fc-lifecycle knows');
    });

    test('a Go project whose hook function has the wrong signature', async () => {
      const root = copyFixture('go1');
      writeFileSync(join(root, 'code/main.go'), `${readFileSync(join(root, 'code/main.go'), 'utf8')}\nfunc cleanup() error {\n\treturn nil\n}\n`);
      expect(await refused(['add', '--pre-stop', 'cleanup'], root)).toMatch(/^error: pre-stop: .*main\.go:\d+ defines cleanup\(\); an FC hook must be func cleanup\(ctx context\.Context\) with no results$/);
    });
  });

  test('--help', async () => {
    const result = await cli(['add', '--help'], tempDir());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: create-fc-lifecycle add \[dir\] \[options\]/);
    expect(result.stdout).toContain('--initializer-timeout <s>  1-600');
  });
});

describe('writing', () => {
  test('all files or none: when a later rename fails, the files already replaced get their old text back', async () => {
    const root = copyFixture('python3.10');
    const before = readTree(root);
    const plan = await planAddHooks({ dir: root, initializer: true }, root);
    expect(plan.changes).toHaveLength(2);
    const rename = fsSync.renameSync.bind(fsSync);
    let calls = 0;
    // Renames: the lock into place, the intent record into place, then one move per file: the second move fails.
    const spy = vi.spyOn(fsSync, 'renameSync').mockImplementation((from, to) => {
      calls += 1;
      if (calls === 4) throw new Error('disk full');
      return rename(from, to);
    });
    try {
      await expect(applyHookPlan(plan)).rejects.toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    expect(readTree(root)).toEqual(before);
  });

  test('a file changed after planning stops the write', async () => {
    const root = copyFixture('python3.10');
    const plan = await planAddHooks({ dir: root, initializer: true }, root);
    writeFileSync(join(root, 'src/main.py'), `${readFileSync(join(root, 'src/main.py'), 'utf8')}# edited meanwhile\n`);
    const before = readTree(root);
    await expect(applyHookPlan(plan)).rejects.toThrow('src/main.py changed since it was read; run the command again');
    expect(readTree(root)).toEqual(before);
  });
});

describe('remove', () => {
  test('switches a hook off in s.yaml and comments the function; the second run changes nothing', async () => {
    const { root } = await generateProject({ runtime: 'php7.2' });
    const result = await cli(['remove', '--pre-stop'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/PreStop: s\.yaml switched off \(was index\.preStop\): handler "", s\.yaml line \d+\n {2}PreStop: code\/index\.php:\d+ kept, with a comment that it is switched off\n/);
    const sYaml = readFileSync(join(root, 's.yaml'), 'utf8');
    expect(parse(sYaml).resources['my-fn'].props.instanceLifecycleConfig).toEqual({
      initializer: { handler: 'index.initialize', timeout: 60 },
      preStop: { handler: '', timeout: 60 },
    });
    expect(sYaml).toContain('    # Switched off by `create-fc-lifecycle remove`: FC turns a deployed hook off only when its handler\n');
    expect(readFileSync(join(root, 'code/index.php'), 'utf8')).toMatch(/\/\/ create-fc-lifecycle: the PreStop hook is switched off in s\.yaml.*\n\/\*\*\n \* PreStop: FC runs it once/);

    const after = readTree(root);
    const again = await cli(['remove', '--pre-stop'], root);
    expect(again.stdout).toMatch(/PreStop: already switched off in s\.yaml, s\.yaml line \d+\nNothing to change/);
    expect(readTree(root)).toEqual(after);
  });

  test('without a hook flag and not on a terminal it names the flags', async () => {
    expect(await refused(['remove'], copyFixture('php7.2'))).toBe('error: initializer: name the hooks to switch off with --initializer and/or --pre-stop (remove asks only on a terminal, without --yes)');
  });
});

describe('on a terminal (packed tarball, pseudo-terminal)', () => {
  let bin: string;
  beforeAll(() => {
    bin = packedBin();
  });

  /** Runs the packed bin in a pseudo-terminal. */
  const tty = (args: string[], keys: string[], cwd: string) => runInTerminal(['node', bin, ...args], keys, { cwd });

  test.runIf(process.platform === 'linux')('`add .` (the .vscode task) asks which hooks, their entries and timeouts, shows the diff and asks before writing', async () => {
    const { root } = await generateProject({ runtime: 'nodejs16', initializer: false, preStop: false });
    // Hooks (both, the default), initializer entry and timeout, preStop entry and timeout, write? (yes).
    const { status, output } = await tty(['add', '.'], ['\r', '\r', '\r', '\r', '\r', '\r'], root);
    expect(output).toMatch(/Hooks to add to my-fn \(nodejs16\)/);
    expect(output).toMatch(/Initializer entry/);
    expect(output).toMatch(/\+module\.exports\.initialize = function \(context, callback\) \{/);
    expect(output).toMatch(/Write these changes\?/);
    expect(status, output).toBe(0);
    expect(parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources['my-fn'].props.instanceLifecycleConfig).toEqual({
      initializer: { handler: 'index.initialize', timeout: 60 },
      preStop: { handler: 'index.preStop', timeout: 60 },
    });
  });
});

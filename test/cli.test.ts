// End-to-end: the bin of the packed tarball (what `npm publish` would ship), run as users run it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import pkg from '../package.json' with { type: 'json' };
import { tempDir } from './helpers/generate.ts';
import { run, runInTerminal } from './helpers/toolchain.ts';
import { packedBin } from './helpers/packed-bin.ts';

let bin: string;
beforeAll(() => {
  bin = packedBin();
});

/** Runs the CLI in a fresh empty directory with stdin closed (never a TTY). */
function cli(args: string[], cwd = tempDir('fc-cli-')) {
  return { ...run('node', [bin, ...args], { cwd, input: '' }), cwd };
}

describe('npm create path', () => {
  test('`npm exec` of the packed tarball runs the create-fc-lifecycle bin offline', () => {
    const cwd = tempDir('fc-npx-');
    const result = run('npm', ['exec', '--offline', '--yes', `--package=${inject('tarball')}`, '--', 'create-fc-lifecycle', 'my-fn', '-r', 'python3.10', '--yes'], {
      cwd,
      env: { npm_config_cache: tempDir('fc-npm-cache-'), npm_config_update_notifier: 'false' },
    });
    expect(result.status, result.output).toBe(0);
    expect(readdirSync(join(cwd, 'my-fn')).sort()).toEqual(['.gitignore', '.vscode', 'README.md', 'code', 'events', 's.yaml', 'tests']);
  });
});

describe('success', () => {
  test('flags become s.yaml fields and the summary names the next steps', () => {
    const { status, stdout, stderr, cwd } = cli([
      'orders', '--runtime', 'nodejs16', '--function-name', 'order_sync', '--region', 'cn-shanghai',
      '--description', 'Syncs: orders # nightly', '--memory-size', '1024', '--timeout', '120',
      '--initializer', 'index.init', '--pre-stop-timeout', '30', '--yes',
    ]);
    expect(status, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Created nodejs16 function order_sync in orders/);
    expect(stdout).toMatch(/cd orders\n {2}npm test\n {2}s deploy/);
    const doc = parse(readFileSync(join(cwd, 'orders', 's.yaml'), 'utf8'));
    expect(doc.vars.region).toBe('cn-shanghai');
    expect(doc.resources.order_sync.props).toMatchObject({
      functionName: 'order_sync',
      description: 'Syncs: orders # nightly',
      runtime: 'nodejs16',
      handler: 'index.handler',
      memorySize: 1024,
      timeout: 120,
      instanceLifecycleConfig: { initializer: { handler: 'index.init', timeout: 60 }, preStop: { handler: 'index.preStop', timeout: 30 } },
    });
    expect(readFileSync(join(cwd, 'orders', 'code', 'index.js'), 'utf8')).toMatch(/^exports\.init = function \(context, callback\)/m);
  });

  test('a custom --handler moves the default hooks beside it, and the project\'s own test passes', () => {
    const { status, stderr, cwd } = cli(['svc', '-r', 'python3.10', '--handler', 'main.handle', '--yes']);
    expect(status, stderr).toBe(0);
    const props = parse(readFileSync(join(cwd, 'svc', 's.yaml'), 'utf8')).resources.svc.props;
    expect(props.instanceLifecycleConfig).toEqual({ initializer: { handler: 'main.initialize', timeout: 60 }, preStop: { handler: 'main.pre_stop', timeout: 60 } });
    const unittest = run('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], { cwd: join(cwd, 'svc') });
    expect(unittest.status, unittest.output).toBe(0);
  });

  test('the default function name is the directory\'s name made valid', () => {
    const { status, stdout, cwd } = cli(['my-fn.v2', '--yes']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Created nodejs20 function my-fn-v2 in my-fn\.v2/);
    expect(Object.keys(parse(readFileSync(join(cwd, 'my-fn.v2', 's.yaml'), 'utf8')).resources)).toEqual(['my-fn-v2']);
  });

  test('--dry-run prints the plan and writes nothing', () => {
    const { status, stdout, cwd } = cli(['my-fn', '-r', 'php7.2', '--dry-run', '--yes']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Dry run: nothing written/);
    expect(stdout).toMatch(/code\/index\.php +\d+ bytes/);
    expect(stdout).toMatch(/s\.yaml +\d+ bytes/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('--dry-run still reports a target it would refuse', () => {
    const cwd = tempDir('fc-cli-');
    mkdirSync(join(cwd, 'my-fn'));
    writeFileSync(join(cwd, 'my-fn', 'keep.txt'), 'x');
    const { status, stderr } = cli(['my-fn', '--dry-run', '--yes'], cwd);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: dir: .*is not empty/);
  });

  test('without a TTY and without --yes it does not wait for input: defaults are used', () => {
    const { status, cwd } = cli(['my-fn']);
    expect(status).toBe(0);
    expect(existsSync(join(cwd, 'my-fn', 'code', 'index.mjs'))).toBe(true);
  });

  test('--help and --version print and exit 0; neither is taken for a directory', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: create-fc-lifecycle \[dir\] \[options\]/);
    for (const flag of ['--runtime', '--no-pre-stop', '--initializer-timeout', '--dry-run', '--force']) expect(help.stdout).toContain(flag);
    expect(readdirSync(help.cwd)).toEqual([]);
    for (const flag of ['-v', '--version']) {
      const version = cli([flag]);
      expect(version.status).toBe(0);
      expect(version.stdout).toBe(`${pkg.version}\n`);
      expect(readdirSync(version.cwd)).toEqual([]);
    }
  });

  test('--force writes into a non-empty directory and keeps the user files', () => {
    const cwd = tempDir('fc-cli-');
    mkdirSync(join(cwd, 'my-fn'));
    writeFileSync(join(cwd, 'my-fn', 'notes.md'), 'mine');
    writeFileSync(join(cwd, 'my-fn', 's.yaml'), 'old');
    const { status, stdout } = cli(['my-fn', '--force', '--yes'], cwd);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Overwritten \(--force\): s\.yaml/);
    expect(readFileSync(join(cwd, 'my-fn', 'notes.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(cwd, 'my-fn', 's.yaml'), 'utf8')).toMatch(/^edition: 3\.0\.0$/m);
  });
});

describe('bad input: exit 1, one line naming the field, nothing written', () => {
  test.each<[string, string[], RegExp]>([
    ['unknown runtime', ['--runtime', 'java99'], /^error: runtime: unknown runtime "java99"; valid runtimes: nodejs14, /],
    ['bad function name', ['--function-name', '1fn'], /^error: function-name: "1fn" must be 1-64 letters/],
    ['bad region', ['--region', 'mars-1'], /^error: region: unknown region "mars-1"/],
    ['memory not a multiple of 64', ['--memory-size', '100'], /^error: memory-size: 100 must be from 128 to 32768/],
    ['timeout 0', ['--timeout', '0'], /^error: timeout: 0 must be from 1 to 86400/],
    ['initializer timeout too long', ['--initializer-timeout', '601'], /^error: initializer-timeout: 601 must be from 1 to 600/],
    ['handler not file.function', ['--handler', 'index'], /^error: handler: "index" must be <file>\.<function>/],
    ['hook in another file', ['--initializer', 'other.init'], /^error: initializer: .*must be in one file/],
    ['keyword as a hook name', ['-r', 'python3.9', '--pre-stop', 'index.class'], /^error: pre-stop: "class" is a reserved word in Python/],
    ['a hook and its --no- flag', ['--initializer', 'index.init', '--no-initializer'], /^error: initializer: --initializer and --no-initializer contradict/],
    ['unknown option', ['--frobnicate'], /^error: --frobnicate: unknown option/],
    ['option without its value', ['--runtime'], /^error: --runtime: needs a value/],
    ['near-miss option', ['--runtim', 'python3.10'], /^error: --runtim: unknown option \(did you mean --runtime\? see --help\)\n$/],
    ['value given to a boolean flag', ['--force=true'], /^error: --force: takes no value \(see --help\)\n$/],
    ['two directories', ['one', 'two'], /^error: dir: only one directory may be given/],
  ])('%s', (_name, args, expected) => {
    const { status, stdout, stderr, cwd } = cli(['my-fn', ...args, '--yes']);
    expect(status).toBe(1);
    expect(stderr).toMatch(expected);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a target that is a file is refused and left as it was', () => {
    const cwd = tempDir('fc-cli-');
    writeFileSync(join(cwd, 'my-fn'), 'data');
    const { status, stderr } = cli(['my-fn', '--yes', '--force'], cwd);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: dir: .*my-fn exists and is not a directory\n$/);
    expect(readFileSync(join(cwd, 'my-fn'), 'utf8')).toBe('data');
  });

  test('a non-empty directory without --force is refused and left as it was', () => {
    const cwd = tempDir('fc-cli-');
    mkdirSync(join(cwd, 'my-fn'));
    writeFileSync(join(cwd, 'my-fn', 's.yaml'), 'mine');
    const { status, stderr } = cli(['my-fn', '--yes'], cwd);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: dir: .*is not empty .*--force/);
    expect(readdirSync(join(cwd, 'my-fn'))).toEqual(['s.yaml']);
    expect(readFileSync(join(cwd, 'my-fn', 's.yaml'), 'utf8')).toBe('mine');
  });
});

describe('flags and commands', () => {
  test('a short flag without its value is named without a stray comma', () => {
    const { status, stderr } = cli(['--function-name', 'x', '-r']);
    expect(status).toBe(1);
    expect(stderr).toBe('error: --runtime: needs a value (see --help)\n');
  });

  test('a directory that is a typo of a command is refused with the suggestion; ./ still creates it', () => {
    const typo = cli(['doctr', '--yes']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toBe('error: command: "doctr" is not a command; did you mean doctor? (to create a project named doctr, pass ./doctr)\n');
    expect(readdirSync(typo.cwd)).toEqual([]);
    expect(cli(['./doctr', '--yes']).status).toBe(0);
    // An existing directory of that name is the user's to generate into.
    const cwd = tempDir('fc-cli-');
    mkdirSync(join(cwd, 'remov'));
    expect(cli(['remov', '--yes'], cwd).status).toBe(0);
    // Short commands allow one edit only: `app` is a project, not a typo of `add`.
    expect(cli(['app', '--yes']).status).toBe(0);
  });

  test('-h wins over any other error on the line', () => {
    for (const args of [['--runtim', 'x', '-h'], ['doctr', '-h'], ['--runtime', 'java99', '--help'], ['a', 'b', '-h', '--yes=1']]) {
      const { status, stdout, stderr } = cli(args);
      expect(stderr, args.join(' ')).toBe('');
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Usage: create-fc-lifecycle \[dir\]/);
    }
  });

  test('--help runtime rows line up', () => {
    const rows = cli(['--help']).stdout.split('\n').filter((row) => row.includes('(entries: '));
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((row) => row.indexOf('(entries: '))).size).toBe(1);
  });
});

describe('pasteable next steps', () => {
  test('a directory with a space is quoted', () => {
    const { status, stdout } = cli(['my fn', '--yes']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\nNext:\n {2}cd 'my fn'\n {2}npm test\n {2}s deploy\n$/);
  });

  test('Go tests in a subshell, so s deploy runs where s.yaml is', () => {
    const { stdout } = cli(['svc', '-r', 'go1', '--yes']);
    expect(stdout).toMatch(/\nNext:\n {2}cd svc\n {2}\(cd code && go mod tidy && go test -v \.\/\.\.\.\)\n {2}s deploy\n$/);
  });

  test('a custom container is told to name its image before s deploy', () => {
    const { stdout, cwd } = cli(['img', '-r', 'custom-container', '--yes']);
    expect(stdout).toMatch(/\n {2}edit s\.yaml: replace your-acr-namespace in customContainerConfig\.image with your Container Registry namespace\n {2}s deploy\n$/);
    expect(readFileSync(join(cwd, 'img', 's.yaml'), 'utf8')).toContain('your-acr-namespace');
  });
});

describe('interactive (in a pseudo-terminal)', () => {
  /** Runs the CLI in a pseudo-terminal in a fresh directory. */
  async function tty(args: string[], keys: string[], cwd = tempDir('fc-tty-')) {
    return { ...(await runInTerminal(['node', bin, ...args], keys, { cwd, timeoutMs: 20_000 })), cwd };
  }

  test.runIf(process.platform === 'linux')('asks for what was not given and uses the answers', async () => {
    // Prompts in order: directory, trigger (event, the default; runtime came as a flag), recipe (none, the
    // default), function name, region (default), hooks (both, the default), "change entry points, memory
    // or timeouts?" (no, the default).
    const { status, output, cwd } = await tty(['--runtime', 'python3.12'], ['svc\r', '\r', '\r', 'order_fn\r', '\r', '\r', '\r']);
    expect(output).toMatch(/Project directory/);
    expect(output).toMatch(/Trigger:/);
    expect(output).toMatch(/Recipe \(what the hooks open and close\)/);
    expect(output).toMatch(/Function name/);
    expect(status, output).toBe(0);
    const doc = parse(readFileSync(join(cwd, 'svc', 's.yaml'), 'utf8'));
    expect(doc.resources.order_fn.props.runtime).toBe('python3.12');
  });

  test.runIf(process.platform === 'linux')('the offered defaults follow the answers: derived function name, hooks beside a custom handler', async () => {
    // directory, trigger (event), recipe (none), function name (default), region, hooks, customise: yes, handler, then every default.
    const keys = ['my fn\r', '\r', '\r', '\r', '\r', '\r', 'y\r', 'main.handle\r', '\r', '\r', '\r', '\r', '\r', '\r'];
    const { status, output, cwd } = await tty(['--runtime', 'python3.10'], keys);
    expect(status, output).toBe(0);
    const props = parse(readFileSync(join(cwd, 'my fn', 's.yaml'), 'utf8')).resources['my-fn'].props;
    expect(props.handler).toBe('main.handle');
    expect(props.instanceLifecycleConfig.initializer.handler).toBe('main.initialize');
    expect(props.instanceLifecycleConfig.preStop.handler).toBe('main.pre_stop');
  });

  const DOWN = '\x1b[B';

  test.runIf(process.platform === 'linux')('a non-empty directory is asked about before anything else; cancel writes nothing', async () => {
    const cwd = tempDir('fc-tty-');
    mkdirSync(join(cwd, 'my-fn'));
    writeFileSync(join(cwd, 'my-fn', 'notes.md'), 'mine');
    const { status, output } = await tty(['my-fn'], ['\r'], cwd);
    expect(output).toMatch(/my-fn is not empty \(1 entry\)/);
    expect(output).not.toMatch(/Runtime:/);
    expect(status, output).toBe(130);
    expect(output).toMatch(/cancelled: nothing written/);
    expect(readdirSync(join(cwd, 'my-fn'))).toEqual(['notes.md']);
  });

  test.runIf(process.platform === 'linux')('a non-empty directory: choosing to write the generated files works as --force, keeping the user\'s', async () => {
    const cwd = tempDir('fc-tty-');
    mkdirSync(join(cwd, 'my-fn'));
    writeFileSync(join(cwd, 'my-fn', 'notes.md'), 'mine');
    // The choice (second: write), then runtime, language, trigger, recipe, function name, region, hooks, customise: all defaults.
    const { status, output } = await tty(['my-fn'], [`${DOWN}\r`, '\r', '\r', '\r', '\r', '\r', '\r', '\r', '\r'], cwd);
    expect(status, output).toBe(0);
    expect(output.indexOf('is not empty')).toBeLessThan(output.indexOf('Runtime:'));
    expect(readFileSync(join(cwd, 'my-fn', 'notes.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(cwd, 'my-fn', 's.yaml'), 'utf8')).toMatch(/^edition: 3\.0\.0$/m);
  });

  test.runIf(process.platform === 'linux')('custom-container asks about the GPU: type, memory bounded by the card, a command initializer', async () => {
    // GPU (fc.gpu.tesla.1, the first type), memory (the T4's bound is offered), command? yes, the
    // default command, trigger (event), recipe (none), function name, region, hooks (PreStop only: the
    // initializer is the command), customise.
    const keys = [`${DOWN}\r`, '8192\r', 'y\r', '\r', '\r', '\r', '\r', '\r', '\r', '\r'];
    const { status, output, cwd } = await tty(['gpu-fn', '-r', 'custom-container'], keys);
    expect(output).toMatch(/GPU:/);
    expect(output).toMatch(/GPU memory \(MB, up to 16384\)/);
    expect(output).toMatch(/Trigger:/);
    expect(status, output).toBe(0);
    const props = parse(readFileSync(join(cwd, 'gpu-fn', 's.yaml'), 'utf8')).resources['gpu-fn'].props;
    expect(props.gpuConfig).toEqual({ gpuType: 'fc.gpu.tesla.1', gpuMemorySize: 8192 });
    expect(props.instanceLifecycleConfig.initializer).toEqual({ command: ['/bin/sh', '-c', '/code/warm-up.sh'], timeout: 60 });
  });

  test.runIf(process.platform === 'linux')('a Node.js runtime asks for the language right after it; TypeScript asks no recipe', async () => {
    // Runtime (nodejs20, the default), language (TypeScript, the second), then function name, region,
    // hooks, customise: the defaults; no trigger or recipe question (both are written in JavaScript only).
    const { status, output, cwd } = await tty(['ts-fn'], ['\r', `${DOWN}\r`, '\r', '\r', '\r', '\r']);
    expect(status, output).toBe(0);
    expect(output.indexOf('Runtime:')).toBeLessThan(output.indexOf('Language:'));
    expect(output.indexOf('Language:')).toBeLessThan(output.indexOf('Function name'));
    expect(output).not.toMatch(/Recipe \(/);
    expect(output).not.toMatch(/Trigger:/);
    expect(readFileSync(join(cwd, 'ts-fn', 'src', 'index.ts'), 'utf8')).toMatch(/export const handler = async \(event: FcEvent, context: FcContext\)/);
    // code/ is the build's output: nothing is in it (or it) before `npm run build`.
    expect(existsSync(join(cwd, 'ts-fn', 'code'))).toBe(false);
  });

  test.runIf(process.platform === 'linux')('choosing the HTTP trigger: no recipe question (the HTTP handler is written with the stand-in), s.yaml gets the trigger', async () => {
    // directory, trigger (second: http), function name, region, hooks, customise.
    const { status, output, cwd } = await tty(['--runtime', 'python3.12'], ['web\r', `${DOWN}\r`, '\r', '\r', '\r', '\r']);
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/Recipe/);
    const props = parse(readFileSync(join(cwd, 'web', 's.yaml'), 'utf8')).resources.web.props;
    expect(props.triggers[0]).toMatchObject({ triggerType: 'http', triggerConfig: { authType: 'anonymous' } });
    expect(readFileSync(join(cwd, 'web', 'code', 'index.py'), 'utf8')).toMatch(/"statusCode": 200/);
  });

  test.runIf(process.platform === 'linux')('a recipe given as a flag settles the trigger of a built-in runtime: no Trigger question', async () => {
    // directory, language (JavaScript), function name, region, hooks, customise.
    const { status, output, cwd } = await tty(['--runtime', 'nodejs20', '--recipe', 'redis'], ['cache\r', '\r', '\r', '\r', '\r', '\r']);
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/Trigger:/);
    expect(parse(readFileSync(join(cwd, 'cache', 's.yaml'), 'utf8')).resources.cache.props).not.toHaveProperty('triggers');
  });

  test.runIf(process.platform === 'linux')('Ctrl-C exits 130 and writes nothing', async () => {
    const { status, cwd } = await tty([], ['\x03']);
    expect(status).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

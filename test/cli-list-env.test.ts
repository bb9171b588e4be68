// Issue 15, through the bin of the packed tarball: `--list [--json]` (every runtime, recipe and default,
// read from the registries), what it is refused with, and `--env` as users type it. `--list` and `--env`
// did not exist before: every test here failed on the old code (unknown option).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_RECIPE, RECIPE_LABELS, RECIPES } from '../src/recipes.ts';
import { DEFAULT_REGION } from '../src/regions.ts';
import { RUNTIME_IDS, RUNTIMES } from '../src/runtimes/generators.ts';
import { DEFAULT_DIR, DEFAULT_RUNTIME, DEFAULTS } from '../src/spec.ts';
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

describe('--list --json', () => {
  test('runtimes, recipes and defaults, each from its registry', () => {
    const { status, stdout, stderr } = cli(['--list', '--json']);
    expect(status, stderr).toBe(0);
    expect(stderr).toBe('');
    const list = JSON.parse(stdout);
    expect(Object.keys(list)).toEqual(['runtimes', 'recipes', 'languages', 'triggers', 'defaults']);
    expect(list.runtimes.map((runtime: { id: string }) => runtime.id)).toEqual(RUNTIME_IDS);
    for (const definition of RUNTIMES) {
      for (const id of definition.ids) {
        expect(list.runtimes.find((runtime: { id: string }) => runtime.id === id)).toEqual({
          id,
          family: definition.family,
          label: definition.label,
          ...definition.defaults,
          recipes: RECIPES.filter((recipe) => recipe === 'none' || definition.recipes?.[recipe]),
          options: expect.any(Array),
        });
      }
    }
    expect(list.runtimes.find((runtime: { id: string }) => runtime.id === 'custom.debian10').options).toEqual(['--server', '--language']);
    expect(list.runtimes.find((runtime: { id: string }) => runtime.id === 'custom-container').options).toEqual(['--gpu', '--gpu-memory-size', '--initializer-command']);
    expect(list.runtimes.find((runtime: { id: string }) => runtime.id === 'nodejs20').options).toEqual(['--language']);
    expect(list.languages).toEqual([
      { id: 'javascript', runtimes: ['nodejs14', 'nodejs16', 'nodejs18', 'nodejs20', 'custom', 'custom.debian10', 'custom.debian11', 'custom.debian12'] },
      { id: 'typescript', runtimes: ['nodejs18', 'nodejs20', 'custom.debian10'] },
    ]);
    expect(list.triggers.map((trigger: { id: string }) => trigger.id)).toEqual(['event', 'http']);
    expect(list.recipes).toEqual(RECIPES.map((id) => ({ id, families: RUNTIMES.filter((d) => id === 'none' || d.recipes?.[id]).map((d) => d.family), label: RECIPE_LABELS[id] })));
    expect(list.defaults).toEqual({
      runtime: DEFAULT_RUNTIME,
      dir: DEFAULT_DIR,
      region: DEFAULT_REGION,
      memorySize: DEFAULTS.memorySize,
      timeout: DEFAULTS.timeout,
      initializerTimeout: DEFAULTS.hookTimeout,
      preStopTimeout: DEFAULTS.hookTimeout,
      recipe: DEFAULT_RECIPE,
      language: 'javascript',
      trigger: 'event',
    });
  });
});

describe('--list', () => {
  test('a titled table per section, every column aligned; defaults as name and value', () => {
    const { status, stdout, stderr, cwd } = cli(['--list']);
    expect(status, stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    const sections = stdout.trimEnd().split('\n\n');
    expect(sections.map((section) => section.split('\n')[0])).toEqual(['Runtimes:', 'Recipes:', 'Languages:', 'Triggers:', 'Defaults:']);
    const [runtimes, recipes, languages, triggers, defaults] = sections.map((section) => section.split('\n').slice(1));
    expect(runtimes![0]).toMatch(/^ {2}id +family +label +handler +initializer +preStop +recipes +options$/);
    expect(runtimes!.slice(1).map((line) => line.trim().split(/\s+/)[0])).toEqual(RUNTIME_IDS);
    // Each column starts where its header does, on every row.
    for (const table of [runtimes!, recipes!, languages!, triggers!]) {
      const starts = [...table[0]!.matchAll(/\S+/g)].map((match) => match.index);
      for (const row of table.slice(1)) {
        for (const start of starts.slice(1)) expect(row[start! - 1], row).toBe(' ');
        for (const start of starts) expect(row[start!], row).not.toBe(' ');
      }
    }
    expect(runtimes!.find((line) => line.trim().startsWith('java11'))).toMatch(/example\.App::handleRequest +example\.App::initialize +example\.App::preStop +none, mysql, redis +-$/);
    expect(recipes!.map((line) => line.trim().split(/\s+/)[0])).toEqual(['id', ...RECIPES]);
    expect(defaults).toContain(`  memorySize          ${DEFAULTS.memorySize}`);
    expect(defaults).toContain(`  region              ${DEFAULT_REGION}`);
  });

  test('with a generation flag or a directory: refused with one line, nothing written; --json alone too', () => {
    for (const [args, error] of [
      [['--list', '--runtime', 'go1'], 'error: list: prints the runtimes, recipes and defaults and generates nothing: drop --runtime (only --json goes with it)\n'],
      [['my-fn', '--list', '--yes'], 'error: list: prints the runtimes, recipes and defaults and generates nothing: drop "my-fn" --yes (only --json goes with it)\n'],
      [['--list', '--env', 'A=1', '--json'], 'error: list: prints the runtimes, recipes and defaults and generates nothing: drop --env (only --json goes with it)\n'],
      [['--json', '--yes'], 'error: json: only applies to --list\n'],
    ] as const) {
      const { status, stdout, stderr, cwd } = cli([...args]);
      expect(stderr, args.join(' ')).toBe(error);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(readdirSync(cwd)).toEqual([]);
    }
  });

  test('--help wins over --list, and shows both flags', () => {
    const { status, stdout } = cli(['--list', '--runtime', 'go1', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: create-fc-lifecycle/);
    expect(stdout).toMatch(/^ {6}--list \[--json\] {12}print the runtimes, recipes and defaults/m);
    expect(stdout).toMatch(/^ {6}--env <KEY=VALUE> {10}environmentVariables; repeat for more/m);
  });
});

describe('--env as typed', () => {
  test('repeated flags, a shell-quoted value, = in a value and a ${env(NAME)} reference reach s.yaml as given', () => {
    const { status, stderr, cwd } = cli(['p', '-r', 'python3.12', '--env', 'MODE=a: "b" # c', '--env=URL=https://x/?a=1&b=2', '--env', 'DB_PASSWORD=${env(DB_PASSWORD)}', '--yes']);
    expect(status, stderr).toBe(0);
    const text = readFileSync(join(cwd, 'p', 's.yaml'), 'utf8');
    expect(parse(text).resources.p.props.environmentVariables).toEqual({ MODE: 'a: "b" # c', URL: 'https://x/?a=1&b=2', DB_PASSWORD: '${env(DB_PASSWORD)}' });
    expect(text).toContain('        DB_PASSWORD: ${env(DB_PASSWORD)}\n');
  });

  test('--env with no value: the flag needs one', () => {
    const { status, stderr, cwd } = cli(['p', '--yes', '--env']);
    expect(stderr).toBe('error: --env: needs a value (see --help)\n');
    expect(status).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test.runIf(process.platform === 'linux')('with the prompts (no question of its own): the variables given as flags are kept', async () => {
    const cwd = tempDir('fc-tty-');
    // Prompts: directory, trigger, recipe, function name, region, hooks, customise: all defaults but the directory.
    const { status, output } = await runInTerminal(['node', bin, '-r', 'python3.12', '--env', 'MODE=prod'], ['svc\r', '\r', '\r', '\r', '\r', '\r', '\r'], { cwd, timeoutMs: 20_000 });
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/variable/i);
    expect(parse(readFileSync(join(cwd, 'svc', 's.yaml'), 'utf8')).resources.svc.props.environmentVariables).toEqual({ MODE: 'prod' });
  });
});

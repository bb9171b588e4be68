// Safety guarantees under kills (issue 11, class 4): the packed CLI is killed at random points of
// `create --force` and `add` (SIGKILL: the next run cleans up after it; SIGTERM/SIGINT: the run finishes
// or rolls back, then exits 143/130). Every file is always the old or the new version, `add` is
// all-or-nothing across s.yaml and the code, and no work file survives the next run. Kill points are
// drawn from a seeded generator: half right after the run's first work file appears (plus 0-4 ms), half
// anywhere in a run's usual duration.
import { isDeepStrictEqual } from 'node:util';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { leftovers, packedBin, runBin, snapshot, WORK_FILE } from './helpers/safety.ts';

const counts: Record<string, number> = {};
afterAll(() => console.log(`safety-kill: kills per case ${JSON.stringify(counts)}`));
const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
/** The signals a run handles, with the exit code each gives. */
const SIGNALS = [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const;

let seed = 11;
/** A deterministic pseudo-random number in [0, 1) (mulberry32), so a failure can be replayed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Spawns the CLI and sends `signal`: `at` 'work' kills right after a new entry appears in one of
 * `watched` (0-4 ms later), a number kills after that many ms. Resolves with the exit code (null when
 * the signal ended it) once the process is gone.
 */
function runAndKill(args: string[], cwd: string, signal: NodeJS.Signals, at: 'work' | number, watched: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('node', [packedBin(), ...args], { cwd, stdio: 'ignore' });
    const watchers = at === 'work' ? watched.map((dir) => watch(dir, () => fire())) : [];
    let fired = false;
    function fire() {
      if (fired) return;
      fired = true;
      setTimeout(() => child.kill(signal), Math.floor(random() * 5));
    }
    if (at !== 'work') setTimeout(fire, at);
    child.on('exit', (code) => {
      for (const watcher of watchers) watcher.close();
      resolve(code);
    });
  });
}

/**
 * The exit status of a run signalled while writing: 0 (finished first) or the signal's code. A signal
 * that lands in Node's own start-up, before index.js installs its handlers, ends the process with no
 * status; then nothing may have been touched, which the callers' snapshot checks assert.
 */
function expectSignalStatus(status: number | null, code: number, label: string, untouched: boolean) {
  if (status === null) {
    count('signal during start-up (no status, nothing touched)');
    expect(untouched, `${label}: killed with no status after touching files`).toBe(true);
    return;
  }
  expect([0, code], label).toContain(status);
}

/** Each path's contents now must be its old or its new contents (absent counts as contents). */
function expectOldOrNew(now: Record<string, string>, old: Record<string, string>, next: Record<string, string>, label: string) {
  for (const path of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (/\.fc-lifecycle|fc-staging|fc-backup/.test(path)) continue;
    expect([old[path], next[path]], `${label}: ${path}`).toContain(now[path]);
  }
}

/** The transaction's intent record: while it is there, the next run rolls the write back. */
const INTENT = '.fc-lifecycle-intent.json';

/** A snapshot without the work files a run leaves while it writes (see WORK_FILE). */
function withoutWorkFiles(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !WORK_FILE.test(path)));
}

/** A usual run's duration (ms), for kills "anywhere". */
async function duration(args: string[], cwd: string): Promise<number> {
  const started = Date.now();
  expect(runBin(args, cwd).status).toBe(0);
  return Date.now() - started;
}

describe('create --force', () => {
  const OLD = ['fn', '-r', 'nodejs20', '--function-name', 'old-fn', '--yes'];
  const NEW = ['fn', '-r', 'python3.12', '--function-name', 'new-fn', '--force', '--yes'];
  let old: Record<string, string>;
  let next: Record<string, string>;
  let usual: number;
  let template: string;
  beforeAll(async () => {
    template = tempDir('fc-kill-template-');
    expect(runBin(OLD, template).status).toBe(0);
    old = snapshot(join(template, 'fn'));
    const reference = tempDir('fc-kill-reference-');
    cpSync(join(template, 'fn'), join(reference, 'fn'), { recursive: true });
    usual = await duration(NEW, reference);
    next = snapshot(join(reference, 'fn'));
  });

  /** A copy of the old project, in a fresh parent; returns the parent. */
  function fresh(): string {
    const parent = tempDir('fc-kill-');
    cpSync(join(template, 'fn'), join(parent, 'fn'), { recursive: true });
    return parent;
  }

  test('SIGKILL at random points: old or new per file; the next run cleans up and completes', async () => {
    for (let i = 0; i < 12; i += 1) {
      count('create SIGKILL');
      const parent = fresh();
      const target = join(parent, 'fn');
      await runAndKill(NEW, parent, 'SIGKILL', i % 2 === 0 ? 'work' : Math.floor(random() * usual * 1.2), [parent, target]);
      expectOldOrNew(snapshot(target), old, next, `kill ${i}`);
      if (leftovers(parent).length > 0) count('create SIGKILL mid-write');
      const again = runBin(NEW, parent);
      expect(again.status, `kill ${i}: ${again.stderr}`).toBe(0);
      expect(snapshot(target), `kill ${i}`).toEqual(next);
      expect(leftovers(parent), `kill ${i}`).toEqual([]);
    }
  });

  test('SIGKILL while creating a new directory: the next run without --force cleans up and completes', async () => {
    const args = NEW.filter((arg) => arg !== '--force');
    const reference = tempDir('fc-kill-reference-');
    expect(runBin(args, reference).status).toBe(0);
    const created = snapshot(join(reference, 'fn'));
    for (let i = 0; i < 6; i += 1) {
      count('create new SIGKILL');
      const parent = tempDir('fc-kill-new-');
      const target = join(parent, 'fn');
      mkdirSync(target);
      await runAndKill(args, parent, 'SIGKILL', 'work', [parent, target]);
      const killed = snapshot(target);
      expectOldOrNew(killed, {}, created, `kill ${i}`);
      if (leftovers(parent).length > 0) count('create new SIGKILL mid-write');
      // The kill can land after the commit point (the intent record is gone; the lock, staging or backup
      // directory may be left) or after the run finished: the project is whole, and a rerun without
      // --force removes what is left and rightly refuses the non-empty directory.
      const committed = !(INTENT in killed) && isDeepStrictEqual(withoutWorkFiles(killed), created);
      if (committed) count('create new SIGKILL after the commit point');
      const again = runBin(args, parent);
      if (committed) expect(again.stderr, `kill ${i}`).toMatch(/^error: dir: \S+ is not empty/);
      else expect(again.status, `kill ${i}: ${again.stderr}`).toBe(0);
      expect(snapshot(target), `kill ${i}`).toEqual(created);
      expect(leftovers(parent), `kill ${i}`).toEqual([]);
    }
  });

  test.each(SIGNALS)('%s while writing: finished or rolled back, exit %i, no work file left', async (signal, code) => {
    for (let i = 0; i < 4; i += 1) {
      count(`create ${signal}`);
      const parent = fresh();
      const target = join(parent, 'fn');
      const status = await runAndKill(NEW, parent, signal, 'work', [parent, target]);
      const now = snapshot(target);
      expectSignalStatus(status, code, `${signal} ${i}`, isDeepStrictEqual(now, old) && leftovers(parent).length === 0);
      expect([old, next], `${signal} ${i}: all old or all new`).toContainEqual(now);
      expect(leftovers(parent), `${signal} ${i}`).toEqual([]);
    }
  });
});

describe('add', () => {
  const ADD = ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--yes'];
  let old: Record<string, string>;
  let next: Record<string, string>;
  let usual: number;
  beforeAll(async () => {
    const root = copyFixture('python3.10');
    old = snapshot(root);
    usual = await duration(ADD, root);
    next = snapshot(root);
  });

  test('SIGKILL at random points: after the next run s.yaml and the code are both old or both new, no work file left', async () => {
    for (let i = 0; i < 12; i += 1) {
      count('add SIGKILL');
      const root = copyFixture('python3.10');
      await runAndKill(ADD, root, 'SIGKILL', i % 2 === 0 ? 'work' : Math.floor(random() * usual * 1.2), [root, join(root, 'src')]);
      expectOldOrNew(snapshot(root), old, next, `kill ${i}`);
      if (leftovers(root).length > 0) count('add SIGKILL mid-write');
      // The next run, even a dry run, first finishes what the killed one left.
      expect(runBin([...ADD, '--dry-run'], root).status, `kill ${i}`).toBe(0);
      expect([old, next], `kill ${i}: all old or all new`).toContainEqual(snapshot(root));
      expect(leftovers(root), `kill ${i}`).toEqual([]);
      expect(runBin(ADD, root).status).toBe(0);
      expect(snapshot(root), `kill ${i}`).toEqual(next);
    }
  });

  test.each(SIGNALS)('%s while writing: all old or all new at once, exit %i, no work file left', async (signal, code) => {
    for (let i = 0; i < 4; i += 1) {
      count(`add ${signal}`);
      const root = copyFixture('python3.10');
      const status = await runAndKill(ADD, root, signal, 'work', [root, join(root, 'src')]);
      expectSignalStatus(status, code, `${signal} ${i}`, isDeepStrictEqual(snapshot(root), old) && leftovers(root).length === 0);
      expect([old, next], `${signal} ${i}`).toContainEqual(snapshot(root));
      expect(leftovers(root), `${signal} ${i}`).toEqual([]);
    }
  });
});

// Issue 11, class 5: a lock left by a killed run is taken over once its pid is gone. Runs that find the
// same stale lock at the same instant must not both take it over: exactly one holds the lock, each other
// one exits with one line (InputError), and the lock file is the winner's until it lets go.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { LOCK, lock } from '../src/file-lock.ts';
import { tempDir } from './helpers/generate.ts';
import { leftovers, together } from './helpers/safety.ts';

const ROUNDS = 20;

/** A lock as lock() makes it, whose owner's pid is then replaced by one that has exited: a killed run's. */
function leaveStaleLock(root: string): void {
  lock(root, 'dir');
  const dead = spawnSync('true').pid!;
  const path = join(root, LOCK);
  if (!statSync(path).isDirectory()) writeFileSync(path, `${dead}\n`); // the lock of main before this change
  else for (const entry of readdirSync(path)) renameSync(join(path, entry), join(path, entry.replace(/^\d+/, String(dead))));
}

/** The pid that owns the lock in `root`. */
function holder(root: string): number {
  const path = join(root, LOCK);
  const [owner, ...more] = statSync(path).isDirectory() ? readdirSync(path) : [readFileSync(path, 'utf8')];
  expect(more).toEqual([]);
  return Number.parseInt(owner!, 10);
}
const RUNS = 4;

describe('class 5: taking over a stale lock', () => {
  test(`${RUNS} runs take over one stale lock at once, ${ROUNDS} rounds: one wins, the others exit with one line`, async () => {
    const outcomes = { won: 0, refused: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const root = tempDir('fc-lock-takeover-');
      leaveStaleLock(root);
      // Each run yields a different number of turns first, so the rounds order the runs differently.
      // lock() takes the lock synchronously: in one process the runs take turns, the first takes the
      // stale lock over and each later one finds it held; separate processes race for it in the next test.
      const runs = Array.from({ length: RUNS }, async (_, i) => {
        for (let turn = 0; turn < (round + i) % RUNS; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        return lock(root, 'dir');
      });
      const results = await Promise.allSettled(runs);
      const won = results.filter((result) => result.status === 'fulfilled');
      const refused = results.filter((result) => result.status === 'rejected');
      expect(won, `round ${round}`).toHaveLength(1);
      for (const result of refused) {
        expect((result as PromiseRejectedResult).reason, `round ${round}`).toBeInstanceOf(InputError);
        expect(String((result as PromiseRejectedResult).reason.message)).toMatch(/is being changed by another create-fc-lifecycle run/);
      }
      expect(holder(root), `round ${round}`).toBe(process.pid);
      await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      expect(readdirSync(root), `round ${round}`).toEqual([]);
      outcomes.won += won.length;
      outcomes.refused += refused.length;
    }
    console.log(`stale-lock takeover: ${ROUNDS} rounds of ${RUNS} runs, ${outcomes.won} won, ${outcomes.refused} refused`);
  });

  test('4 packed creates into a directory holding a killed run\'s lock, 3 rounds: one winner, its project only', async () => {
    for (let round = 0; round < 3; round += 1) {
      const parent = tempDir('fc-lock-takeover-cli-');
      mkdirSync(join(parent, 'fn'));
      leaveStaleLock(join(parent, 'fn'));
      const names = ['alpha-fn', 'beta-fn', 'gamma-fn', 'delta-fn'];
      const results = await together(names.map((name) => ['fn', '-r', 'python3.12', '--function-name', name, '--yes']), parent);
      const winners = names.filter((_, i) => results[i]!.status === 0);
      expect(winners, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      for (const result of results.filter((r) => r.status !== 0)) expect(result.stderr).toMatch(/^error: dir: [^\n]+\n$/);
      const sYaml = readFileSync(join(parent, 'fn', 's.yaml'), 'utf8');
      for (const name of names) expect(sYaml.includes(name), `round ${round}: ${name} in s.yaml`).toBe(name === winners[0]);
      expect(leftovers(parent)).toEqual([]);
    }
  });
});

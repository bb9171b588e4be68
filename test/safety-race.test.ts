// Safety guarantees under concurrency and odd targets (issue 11, classes 5 and 6): concurrent runs of
// the packed CLI on one target have one winner, the others exit 1 with one line and nothing of theirs
// is mixed in; a target on another file system (a link into a tmpfs) and a target name of up to 255
// bytes are written like any other.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../src/errors.ts';
import { applyHookPlan, planAddHooks } from '../src/hooks/index.ts';
import { buildPlan, type FilePlan } from '../src/plan.ts';
import { resolveSpec } from '../src/runtimes/generators.ts';
import { writePlan } from '../src/writer.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { leftovers, packedBin, runBin, snapshot, together } from './helpers/safety.ts';

const counts: Record<string, number> = {};
afterAll(() => console.log(`safety-race: cases run ${JSON.stringify(counts)}`));
const count = (kind: string, n = 1) => (counts[kind] = (counts[kind] ?? 0) + n);

describe('class 5: concurrent runs on one target', () => {
  test('4 creates into one new directory, 3 rounds: one winner, its project only, the others one error line', async () => {
    for (let round = 0; round < 3; round += 1) {
      count('create rounds');
      count('create runs', 4);
      const parent = tempDir('fc-race-');
      const names = ['alpha-fn', 'beta-fn', 'gamma-fn', 'delta-fn'];
      const results = await together(names.map((name) => ['fn', '-r', 'python3.12', '--function-name', name, '--yes']), parent);
      const winners = names.filter((_, i) => results[i]!.status === 0);
      expect(winners, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      for (const result of results.filter((r) => r.status !== 0)) {
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^error: dir: [^\n]+\n$/);
      }
      const sYaml = readFileSync(join(parent, 'fn', 's.yaml'), 'utf8');
      for (const name of names) expect(sYaml.includes(name), `round ${round}: ${name} in s.yaml`).toBe(name === winners[0]);
      expect(leftovers(parent)).toEqual([]);
    }
  });

  test('add --initializer and add --pre-stop at once, 6 rounds: no hook a run reported is lost', async () => {
    for (let round = 0; round < 6; round += 1) {
      count('add rounds');
      const root = copyFixture('python3.10');
      const results = await together(
        [
          ['add', '.', '--initializer', 'main.initialize', '--yes'],
          ['add', '.', '--pre-stop', 'main.preStop', '--yes'],
        ],
        root,
      );
      const props = parse(readFileSync(join(root, 's.yaml'), 'utf8')).resources.scorer.props;
      const code = readFileSync(join(root, 'src/main.py'), 'utf8');
      const present = [props.instanceLifecycleConfig.initializer?.handler === 'main.initialize', props.instanceLifecycleConfig.preStop?.handler === 'main.preStop'];
      const inCode = [/def initialize\(/.test(code), /def preStop\(/.test(code)];
      results.forEach((result, i) => {
        if (result.status === 0) {
          expect(present[i], `round ${round}: run ${i} said Updated but s.yaml lost its hook`).toBe(true);
          expect(inCode[i], `round ${round}: run ${i} said Updated but the code lost its hook`).toBe(true);
        } else {
          expect(result.status).toBe(1);
          expect(result.stderr).toMatch(/^error: [\w-]+: [^\n]+\n$/);
        }
        // s.yaml and the code agree: never one without the other.
        expect(present[i], `round ${round}: hook ${i} in s.yaml but not in code, or the reverse`).toBe(inCode[i]);
      });
      expect(results.some((result) => result.status === 0)).toBe(true);
      expect(leftovers(root)).toEqual([]);
    }
  });
});

describe('class 5: concurrent writes in one process (every await point interleaved)', () => {
  test('two hook plans made from the same files, applied at once: one applies, the other is refused', async () => {
    for (let round = 0; round < 5; round += 1) {
      count('in-process add rounds');
      const root = copyFixture('python3.10');
      const plans = await Promise.all([
        planAddHooks({ dir: root, initializer: 'main.initialize' }, root),
        planAddHooks({ dir: root, preStop: 'main.preStop' }, root),
      ]);
      const results = await Promise.allSettled(plans.map((plan) => applyHookPlan(plan)));
      expect(results.map((result) => result.status).sort(), `round ${round}`).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(InputError);
      expect(leftovers(root)).toEqual([]);
    }
  });

  test('two creates of different functions into one new directory at once: one project, not a mix', async () => {
    for (let round = 0; round < 5; round += 1) {
      count('in-process create rounds');
      const parent = tempDir('fc-race-');
      const plans = await Promise.all(['alpha-fn', 'beta-fn'].map((name) => buildPlan(resolveSpec({ dir: 'fn', runtime: 'python3.12', functionName: name }, parent))));
      const results = await Promise.allSettled(plans.map((plan) => writePlan(plan)));
      expect(results.map((result) => result.status).sort(), `round ${round}`).toEqual(['fulfilled', 'rejected']);
      const winner = plans[results.findIndex((result) => result.status === 'fulfilled')]!;
      expect(snapshot(join(parent, 'fn'))).toEqual(snapshot(await writeAlone(winner)));
      expect(leftovers(parent)).toEqual([]);
    }
  });
});

/** The plan written alone into a fresh directory of the same name, for comparison; returns it. */
async function writeAlone(plan: FilePlan): Promise<string> {
  const target = join(tempDir('fc-alone-'), 'fn');
  await writePlan({ ...plan, targetDir: target });
  return target;
}

describe('class 6: where the target is', () => {
  test.runIf(existsSync('/dev/shm'))('a link to an empty directory on another file system (tmpfs)', () => {
    count('other file system');
    const elsewhere = mkdtempSync('/dev/shm/fc-target-');
    try {
      const parent = tempDir('fc-exdev-');
      symlinkSync(elsewhere, join(parent, 'fn'));
      const result = runBin(['fn', '-r', 'python3.12', '--yes'], parent);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(existsSync(join(elsewhere, 's.yaml'))).toBe(true);
      expect(leftovers(parent, elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  // Root ignores permissions: the run drops to `nobody` (which needs runuser, and root to use it).
  test.runIf(process.getuid?.() === 0 && existsSync('/usr/sbin/runuser'))('an empty writable directory under a read-only parent', () => {
    count('read-only parent');
    const parent = join(tempDir('fc-ro-'), 'parent');
    mkdirSync(join(parent, 'fn'), { recursive: true });
    chmodSync(join(parent, '..'), 0o755);
    chownSync(join(parent, 'fn'), 65534, 65534);
    chmodSync(parent, 0o555);
    // nobody must reach the packed bin and its parent directories.
    for (let dir = packedBin(); dir !== '/'; dir = dirname(dir)) if (statSync(dir).isDirectory()) chmodSync(dir, statSync(dir).mode | 0o005);
    const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, packedBin(), 'fn', '-r', 'python3.12', '--yes'], { cwd: parent, encoding: 'utf8', input: '' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(parent, 'fn', 's.yaml'))).toBe(true);
    expect(leftovers(parent)).toEqual([]);
  });

  test.each([227, 240, 255])('a target name of %i bytes, new and existing empty', (length) => {
    count('long names');
    const parent = tempDir('fc-long-');
    const name = 'f'.repeat(length);
    const created = runBin([name, '-r', 'python3.12', '--function-name', 'long-fn', '--yes'], parent);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const empty = join(tempDir('fc-long-'), name);
    mkdirSync(empty);
    const into = runBin([name, '-r', 'python3.12', '--function-name', 'long-fn', '--yes'], join(empty, '..'));
    expect(into.stderr).toBe('');
    expect(into.status).toBe(0);
    expect(leftovers(parent, join(empty, '..'))).toEqual([]);
  });

});

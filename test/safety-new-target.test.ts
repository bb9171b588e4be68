// Safety of `create` into a target that does not exist yet (src/new-target.ts): the project is built in
// one staging directory beside the target and renamed into place at once. A fault at any call, or a
// kill at any moment, leaves no target or the whole project, never part of one; what a killed run left
// beside the target is removed by the next run; a target that appears during the write is never
// written into (nor through, when it is a link).
import { spawn } from 'node:child_process';
import fsSync, { existsSync, mkdirSync, readdirSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { tempDir } from './helpers/generate.ts';
import { cli, leftovers, packedBin, runBin, snapshot } from './helpers/safety.ts';

const counts: Record<string, number> = {};
afterAll(() => console.log(`safety-new-target: cases run ${JSON.stringify(counts)}`));
const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
afterEach(() => vi.restoreAllMocks());

const CREATE = ['a/fn', '-r', 'python3.12', '--function-name', 'new-fn', '--yes'];
/** A whole project, as a run that nothing disturbs writes it. */
let whole: Record<string, string>;
beforeAll(async () => {
  const parent = tempDir('fc-new-reference-');
  expect((await cli(CREATE, parent)).status).toBe(0);
  whole = snapshot(join(parent, 'a/fn'));
});

/** The staging directory is written with synchronous calls; the target's missing parents are made with fs/promises' mkdir. */
type FsMethod = 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'mkdir';
/** Wraps the method: `before` runs ahead of each call with its number and arguments, and may throw. */
function around(method: FsMethod, before: (n: number, args: unknown[]) => void): { n: number } {
  const calls = { n: 0 };
  const call = (args: unknown[]) => {
    calls.n += 1;
    before(calls.n, args);
  };
  if (method === 'mkdir') {
    const real = fs.mkdir.bind(fs) as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(fs, 'mkdir').mockImplementation((async (...args: unknown[]) => (call(args), real(...args))) as never);
  } else {
    const real = (fsSync[method] as (...args: unknown[]) => unknown).bind(fsSync);
    vi.spyOn(fsSync, method).mockImplementation(((...args: unknown[]) => (call(args), real(...args))) as never);
  }
  return calls;
}

describe('a new target is one rename', () => {
  test('no lock, no intent record, no move per file: one rename, from beside the target onto it', async () => {
    const parent = tempDir('fc-new-renames-');
    const renames: unknown[][] = [];
    around('renameSync', (_, args) => renames.push(args));
    expect((await cli(CREATE, parent)).status).toBe(0);
    expect(renames).toEqual([[expect.stringMatching(/\/a\/\.fn\.fc-staging-\d+-[0-9a-f]+$/), join(parent, 'a/fn')]]);
    expect(snapshot(join(parent, 'a/fn'))).toEqual(whole);
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('a fault at any call leaves no target, nothing beside it, and one error line', () => {
  for (const method of ['mkdir', 'mkdirSync', 'writeFileSync', 'renameSync'] as const) {
    test(`each ${method} call failing in turn`, async () => {
      const total = around(method, () => undefined);
      expect((await cli(CREATE, tempDir('fc-new-count-'))).status).toBe(0);
      vi.restoreAllMocks();
      expect(total.n).toBeGreaterThan(0);
      for (let nth = 1; nth <= total.n; nth += 1) {
        count(`${method} fault`);
        const parent = tempDir('fc-new-fault-');
        around(method, (n, args) => {
          if (n === nth) throw Object.assign(new Error('EIO: injected fault'), { code: 'EIO', syscall: method.replace('Sync', ''), path: String(args[0]) });
        });
        const result = await cli(CREATE, parent);
        vi.restoreAllMocks();
        expect(result.status, `${method} #${nth}`).toBe(1);
        expect(result.stderr, `${method} #${nth}`).toMatch(/^error: dir: \/[^\n]*: input\/output error[^\n]*\n$/);
        // a/ was made for the target, so it goes too.
        expect(snapshot(parent), `${method} #${nth}`).toEqual({});
        expect((await cli(CREATE, parent)).status).toBe(0);
        expect(snapshot(join(parent, 'a/fn')), `${method} #${nth}: the next run`).toEqual(whole);
      }
    });
  }
});

describe('a target that appears while the project is staged is left as it is', () => {
  const appearances: { name: string; make: (target: string, outside: string) => void }[] = [
    { name: 'a directory with a file of its own', make: (target) => (mkdirSync(target), writeFileSync(join(target, 'notes.txt'), 'mine\n')) },
    { name: 'a regular file', make: (target) => writeFileSync(target, 'mine\n') },
    { name: 'a link to a directory elsewhere', make: (target, outside) => symlinkSync(outside, target) },
  ];
  test.each(appearances)('$name: the run fails with one line and writes nothing', async ({ make }) => {
    count('target appeared');
    const parent = tempDir('fc-new-appeared-');
    const outside = join(tempDir('fc-new-outside-'), 'elsewhere');
    mkdirSync(outside);
    const target = join(parent, 'a/fn');
    around('renameSync', (_, args) => {
      if (args[1] === target) make(target, outside);
    });
    const result = await cli(CREATE, parent);
    vi.restoreAllMocks();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: dir: ${target} appeared while this run was writing it (another create-fc-lifecycle run?); nothing was written\n`);
    expect(readdirSync(join(parent, 'a'))).toEqual(['fn']);
    expect(readdirSync(outside)).toEqual([]);
    expect(leftovers(parent)).toEqual([]);
  });
});

/**
 * A Node preload that makes every call on the staging directory 15 ms slower (blocking, as the calls
 * are synchronous), so that kills land while the project is being staged and not only after it was
 * renamed into place.
 */
function slowStagingPreload(): string {
  const path = join(tempDir('fc-new-preload-'), 'slow-staging.mjs');
  writeFileSync(
    path,
    `import fs from 'node:fs';
const pause = new Int32Array(new SharedArrayBuffer(4));
for (const method of ['mkdirSync', 'writeFileSync', 'renameSync']) {
  const real = fs[method].bind(fs);
  fs[method] = (...args) => {
    if (String(args[0]).includes('.fc-staging-')) Atomics.wait(pause, 0, 0, 15);
    return real(...args);
  };
}
`,
  );
  return path;
}

/** Spawns the packed CLI (slowed) and sends `signal` 0-`within` ms after the first entry appears in `watched`. */
function killWhileStaging(preload: string, cwd: string, watched: string, signal: NodeJS.Signals, within: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', preload, packedBin(), ...CREATE], { cwd, stdio: 'ignore' });
    const watcher = watch(watched, () => {
      watcher.close();
      setTimeout(() => child.kill(signal), Math.floor(Math.random() * within));
    });
    child.on('exit', (code) => {
      watcher.close();
      resolve(code);
    });
  });
}

describe('kills while the project is staged', () => {
  let preload: string;
  beforeAll(() => {
    preload = slowStagingPreload();
  });
  /** A parent with a/ made, so the first entry that appears in it is the staging directory. */
  function freshParent(): string {
    const parent = tempDir('fc-new-kill-');
    mkdirSync(join(parent, 'a'));
    return parent;
  }

  test('SIGKILL at random points: no target or the whole project; the next run cleans up and completes', async () => {
    for (let i = 0; i < 10; i += 1) {
      count('SIGKILL');
      const parent = freshParent();
      await killWhileStaging(preload, parent, join(parent, 'a'), 'SIGKILL', 50);
      const left = leftovers(parent);
      if (left.length > 0) count('SIGKILL while staging');
      // Beside the target at most the staging directory, which holds nothing of the user's.
      expect(left.every((path) => /\/a\/\.fn\.fc-staging-\d+-[0-9a-f]+(\/|$)/.test(path)), `kill ${i}: ${left.join(', ')}`).toBe(true);
      if (existsSync(join(parent, 'a/fn'))) {
        // The kill landed after the rename: the project is whole, and nothing was left.
        expect(snapshot(join(parent, 'a/fn')), `kill ${i}: part of a project`).toEqual(whole);
        expect(left, `kill ${i}`).toEqual([]);
        continue;
      }
      const again = runBin(CREATE, parent);
      expect(again.status, `kill ${i}: ${again.stderr}`).toBe(0);
      expect(snapshot(join(parent, 'a/fn')), `kill ${i}`).toEqual(whole);
      expect(leftovers(parent), `kill ${i}`).toEqual([]);
    }
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s while staging: the run finishes first, then exits %i; the whole project, nothing beside it', async (signal, code) => {
    for (let i = 0; i < 4; i += 1) {
      count(signal);
      const parent = freshParent();
      const status = await killWhileStaging(preload, parent, join(parent, 'a'), signal, 40);
      expect([0, code], `${signal} ${i}`).toContain(status);
      expect(snapshot(join(parent, 'a/fn')), `${signal} ${i}`).toEqual(whole);
      expect(leftovers(parent), `${signal} ${i}`).toEqual([]);
    }
  });
});

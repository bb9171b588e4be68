// Safety guarantees under injected faults (issue 11, class 3, and the all-or-nothing promise of
// create --force and add): a write or rename that fails at any point leaves every file as it was and no
// work files; when putting files back fails too, the originals are kept (never deleted) and the next run
// restores them; a directory or file swapped for a link between the check and the move never lets a
// write, a move or a delete reach outside the target.
import fsSync, { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import type { FilePlan } from '../src/plan.ts';
import { writePlan } from '../src/writer.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli, leftovers, snapshot } from './helpers/safety.ts';

const counts: Record<string, number> = {};
afterAll(() => console.log(`safety-faults: cases run ${JSON.stringify(counts)}`));
const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
afterEach(() => vi.restoreAllMocks());

const FILES: FilePlan['files'] = [
  { path: 's.yaml', contents: 'edition: 3.0.0 # new\n' },
  { path: 'code/index.js', contents: 'exports.handler = () => "new";\n' },
  { path: 'code/lib/util.js', contents: 'module.exports = "new";\n' },
  { path: 'scripts/warm-up.sh', contents: '#!/bin/sh\n# new\n', executable: true },
  { path: '.gitignore', contents: 'node_modules\n' },
];

/** An existing project the plan partly overwrites with --force (s.yaml, code/index.js), with a file it keeps. */
function existingProject(): { dir: string; plan: FilePlan } {
  const dir = join(tempDir('fc-faults-'), 'fn');
  mkdirSync(join(dir, 'code'), { recursive: true });
  writeFileSync(join(dir, 's.yaml'), 'edition: 3.0.0 # old\n');
  writeFileSync(join(dir, 'code/index.js'), 'exports.handler = () => "old";\n');
  writeFileSync(join(dir, 'notes.txt'), 'keep me\n');
  return { dir, plan: { targetDir: dir, files: FILES, testCommand: 'true' } };
}

// The transaction's file-system calls are synchronous (src/file-transaction.ts, src/file-lock.ts,
// readRegularFileSync in src/safe-fs.ts): the faults go into node:fs's *Sync methods. openSync is also
// the open of every writeFileSync and readFileSync.
type FsMethod = 'renameSync' | 'linkSync' | 'writeFileSync' | 'mkdirSync' | 'openSync';
const fault = () => Object.assign(new Error('EIO: injected fault'), { code: 'EIO', syscall: 'rename' });

/** Makes the `nth` call of fs[method] (and every later one with `sticky`) fail; returns the call counter. */
function failCall(method: FsMethod, nth: number, sticky = false) {
  const real = (fsSync[method] as (...args: unknown[]) => unknown).bind(fsSync);
  const calls = { n: 0 };
  vi.spyOn(fsSync, method).mockImplementation(((...args: unknown[]) => {
    calls.n += 1;
    if (calls.n === nth || (sticky && calls.n > nth)) throw fault();
    return real(...args);
  }) as never);
  return calls;
}

/** How many calls of fs[method] a clean run makes. */
async function callsOf(method: FsMethod, run: () => Promise<unknown>): Promise<number> {
  const calls = failCall(method, 0);
  await run();
  vi.restoreAllMocks();
  return calls.n;
}

describe('create --force: a fault at any call leaves the directory as it was (or, if worked around, as planned)', () => {
  for (const method of ['renameSync', 'linkSync', 'writeFileSync', 'mkdirSync', 'openSync'] as const) {
    test(`each ${method} call failing in turn`, async () => {
      const clean = existingProject();
      const total = await callsOf(method, () => writePlan(clean.plan, { force: true }));
      const planned = snapshot(clean.dir);
      for (let nth = 1; nth <= total; nth += 1) {
        count(`create ${method}`);
        const { dir, plan } = existingProject();
        const before = snapshot(dir);
        failCall(method, nth);
        // A backup link that fails becomes a copy: the write goes on.
        const succeeded = await writePlan(plan, { force: true }).then(() => true, () => false);
        vi.restoreAllMocks();
        expect(snapshot(dir), `${method} #${nth}`).toEqual(succeeded ? planned : before);
        if (method !== 'linkSync') expect(succeeded, `${method} #${nth} failed`).toBe(false);
        expect(leftovers(join(dir, '..')), `${method} #${nth}`).toEqual([]);
      }
    });
  }
});

describe('create --force: when putting files back fails too, no original is lost', () => {
  test('every rename from the nth on fails; the originals are kept, and the next run restores or replaces them', async () => {
    const total = await callsOf('renameSync', () => writePlan(existingProject().plan, { force: true }));
    for (let nth = 1; nth <= total; nth += 1) {
      count('create backup kept');
      const { dir, plan } = existingProject();
      const originals = [readFileSync(join(dir, 's.yaml'), 'hex'), readFileSync(join(dir, 'code/index.js'), 'hex')];
      failCall('renameSync', nth, true);
      await expect(writePlan(plan, { force: true })).rejects.toThrow();
      vi.restoreAllMocks();
      const kept = Object.values(snapshot(dir));
      for (const original of originals) expect(kept, `rename #${nth}: an original was deleted`).toContain(original);
      // The next run (faults gone) first puts back what the failed one left, then writes.
      await writePlan(plan, { force: true });
      expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(FILES[0]!.contents);
      expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n');
      expect(leftovers(join(dir, '..'))).toEqual([]);
    }
  });
});

describe('add: a fault at any call changes no file', () => {
  const ADD = ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--yes'];
  for (const method of ['renameSync', 'linkSync', 'writeFileSync', 'openSync'] as const) {
    test(`each ${method} call failing in turn: s.yaml and the code both old, one error line`, async () => {
      const total = await callsOf(method, () => cli(ADD, copyFixture('python3.10')));
      for (let nth = 1; nth <= total; nth += 1) {
        const root = copyFixture('python3.10');
        const before = snapshot(root);
        failCall(method, nth);
        const result = await cli(ADD, root);
        vi.restoreAllMocks();
        if (result.status === 0) continue; // a call the write does not depend on (e.g. reading a template)
        count(`add ${method}`);
        expect(result.stderr, `${method} #${nth}`).toMatch(/^error: [^\n]+\n$/);
        expect(snapshot(root), `${method} #${nth}`).toEqual(before);
      }
    });
  }
});

describe('a link swapped in between the check and the move never lets a write out', () => {
  /** The target's code/ is replaced by a link to `outside` (which has its own index.js). */
  function swapCodeDir(dir: string, outside: string) {
    renameSync(join(dir, 'code'), join(dir, 'code.moved'));
    symlinkSync(outside, join(dir, 'code'));
  }
  function outsideDir(): string {
    const outside = join(tempDir('fc-outside-'), 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'index.js'), 'OUTSIDE, must stay\n');
    return outside;
  }
  /** The planned code/index.js replaced by a link to the file outside. */
  function swapCodeFile(dir: string, outside: string) {
    rmSync(join(dir, 'code/index.js'));
    symlinkSync(join(outside, 'index.js'), join(dir, 'code/index.js'));
  }
  /** Runs `swap` once, right before the first call of fs[method] whose last path argument `when` accepts. */
  function swapBefore(method: 'mkdirSync' | 'renameSync', when: (path: string) => boolean, swap: () => void) {
    const real = (fsSync[method] as (...args: unknown[]) => unknown).bind(fsSync);
    let armed = true;
    vi.spyOn(fsSync, method).mockImplementation(((...args: unknown[]) => {
      if (armed && when(String(method === 'renameSync' ? args[1] : args[0]))) {
        armed = false;
        swap();
      }
      return real(...args);
    }) as never);
  }
  const moments: { name: string; arm: (dir: string, outside: string) => void; userFileStays?: boolean }[] = [
    {
      name: 'after the check, when the staging directory is made',
      arm: (dir, outside) => swapBefore('mkdirSync', (path) => path.includes('staging'), () => swapCodeDir(dir, outside)),
      userFileStays: true,
    },
    {
      name: 'in the middle of a move (right before the rename into code/)',
      arm: (dir, outside) => swapBefore('renameSync', (path) => path.endsWith('index.js'), () => swapCodeDir(dir, outside)),
      userFileStays: true,
    },
    {
      name: 'a planned file swapped for a link to a file outside, after the check',
      arm: (dir, outside) => swapBefore('mkdirSync', (path) => path.includes('staging'), () => swapCodeFile(dir, outside)),
    },
  ];
  test.each(moments)('$name: the write fails and nothing outside changes', async ({ arm, userFileStays }) => {
    count('link swap');
    const { dir, plan } = existingProject();
    const outside = outsideDir();
    const before = snapshot(outside);
    arm(dir, outside);
    await expect(writePlan(plan, { force: true })).rejects.toThrow();
    vi.restoreAllMocks();
    expect(snapshot(outside)).toEqual(before);
    // The user's own index.js is somewhere in the target (in place, in code.moved, or in a kept backup).
    if (userFileStays) expect(Object.values(snapshot(dir))).toContain(Buffer.from('exports.handler = () => "old";\n').toString('hex'));
  });
});

describe('after the commit point the write stands', () => {
  test('the backup directory cannot be removed: the new files stay, the directory is left for a later run', async () => {
    count('cleanup after commit fails');
    const clean = existingProject();
    await writePlan(clean.plan, { force: true });
    const planned = snapshot(clean.dir);
    const { dir, plan } = existingProject();
    const refuse = (path: unknown) => {
      if (String(path).includes('backup')) throw fault();
    };
    const rmdir = fsSync.promises.rmdir.bind(fsSync.promises);
    vi.spyOn(fsSync.promises, 'rmdir').mockImplementation((async (path: string) => (refuse(path), rmdir(path))) as never);
    const rm = fsSync.rmSync.bind(fsSync);
    vi.spyOn(fsSync, 'rmSync').mockImplementation(((path: string, options: never) => (refuse(path), rm(path, options))) as never);
    const result = await writePlan(plan, { force: true });
    vi.restoreAllMocks();
    expect(result.overwritten.sort()).toEqual(['code/index.js', 's.yaml']);
    const left = leftovers(join(dir, '..'));
    expect(left).toEqual([expect.stringMatching(/\/fn\/\.fc-lifecycle-backup-\d+-[0-9a-f]+$/)]);
    // The backup directory, emptied: a later run here removes it once this pid is gone.
    expect(snapshot(dir)).toEqual({ ...planned, [left[0]!.split('/').pop()!]: 'dir' });
  });
});

describe('a failed create removes the directories it made for the target', () => {
  // A new target is staged with synchronous calls (src/new-target.ts).
  test.each(['writeFileSync', 'renameSync'] as const)('the first %s fails: a/b/c/fn is not left behind, a/ (which existed) is', async (method) => {
    count('parents removed');
    const parent = tempDir('fc-parents-');
    mkdirSync(join(parent, 'a'));
    vi.spyOn(fsSync, method).mockImplementationOnce(() => {
      throw fault();
    });
    await expect(writePlan({ targetDir: join(parent, 'a/b/c/fn'), files: FILES, testCommand: 'true' })).rejects.toThrow();
    vi.restoreAllMocks();
    expect(snapshot(parent)).toEqual({ a: 'dir' });
  });
});

describe('file-system errors are one `error: <field>: <rule>` line', () => {
  test.each(['EACCES', 'ENOSPC', 'EROFS'])('%s while writing: one line naming the path, no raw errno message', async (code) => {
    count('errno lines');
    const parent = tempDir('fc-errno-');
    const real = fsSync.writeFileSync.bind(fsSync);
    vi.spyOn(fsSync, 'writeFileSync').mockImplementation(((path: string, ...rest: unknown[]) => {
      if (String(path).includes('staging')) throw Object.assign(new Error(`${code}: injected, open '${path}'`), { code, syscall: 'open', path });
      return real(path, ...(rest as [never]));
    }) as never);
    const result = await cli(['fn', '-r', 'python3.12', '--yes'], parent);
    vi.restoreAllMocks();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: dir: \S+: (permission denied|no space left on the device|read-only file system)[^\n]*\n$/);
    expect(result.stderr).not.toContain(code);
    expect(snapshot(parent)).toEqual({});
  });
});

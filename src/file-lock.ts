// The lock of a directory tree that create and add/remove write (src/file-transaction.ts), and the
// signal handling that lets a write under way finish or roll back before the process exits. The lock's
// file-system calls are synchronous, as the transaction's are (see there why), but for the rmdir that
// releases it; they go through the `fs` object so tests can inject faults into them.
import fs from 'node:fs';
import { basename, join } from 'node:path';
import { fail } from './errors.ts';
import { tryOr, unlinkIfThere } from './safe-fs.ts';

/** The lock file in the root of a tree being written. */
export const LOCK = '.fc-lifecycle.lock';

let running = 0;
let exitCode: number | undefined;

/**
 * For the CLI: SIGINT exits 130 and SIGTERM 143, at once when no transaction runs, else when the
 * running one has finished (or rolled back), so no half-written tree is left behind.
 */
export function exitOnSignals(): void {
  const handle = (code: number) => () => {
    exitCode ??= code;
    if (running === 0) process.exit(exitCode);
  };
  // The bin's start-up handlers (index.js) exit at once; from here a write under way is waited for.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', handle(130));
  process.on('SIGTERM', handle(143));
}

/** Runs a write (or a recovery) that a SIGINT/SIGTERM must not cut short. */
export async function guarded<T>(action: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await action();
  } finally {
    running -= 1;
    if (running === 0 && exitCode !== undefined) process.exit(exitCode);
  }
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false; // 0 and -1 would ask about a group, or every process
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh work file name, `.fc-lifecycle-<kind>-<pid>-<random>`: short, and tells whose it is. */
export const workName = (kind: string) => `.fc-lifecycle-${kind}-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;

/**
 * Takes the root's lock: a directory holding one entry, `<pid>-<random>` of its owner. It is made
 * whole under a name of this run's own, then renamed to LOCK, which rename(2) does only where LOCK is
 * absent or an empty directory. A lock whose owner is gone is taken over by deleting that entry and
 * renaming again: of runs that find one stale lock at the same instant, exactly one rename lands, and
 * the others then meet the winner's entry.
 */
export function lock(root: string, field: string): () => Promise<void> {
  const path = join(root, LOCK);
  const mine = join(root, workName('lock'));
  const entry = `${process.pid}-${basename(mine).split('-').pop()}`;
  fs.mkdirSync(mine);
  try {
    fs.writeFileSync(join(mine, entry), '', { flag: 'wx' });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      try {
        fs.renameSync(mine, path);
        // The rmdir goes through the thread pool, with the transaction's last ones (see removeWorkDirs
        // in src/file-transaction.ts): it can wait for the file system with the CPU idle.
        return async () => {
          unlinkIfThere(join(path, entry));
          await fs.promises.rmdir(path).catch(() => undefined); // unless another run has just renamed its lock in
        };
      } catch (error) {
        if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code!)) throw error;
        const holders = holdersOf(path);
        const live = holders.find(({ pid }) => alive(pid));
        if (live) fail(field, `${root} is being changed by another create-fc-lifecycle run (pid ${live.pid}); run again when it has finished (or delete ${LOCK} there if no such run is going on)`);
        // Left by runs that were killed. A lock file (the format before the lock was a directory) is removed whole.
        for (const holder of holders) fs.rmSync(holder.path, { recursive: true, force: true });
      }
    }
    fail(field, `${root}: ${LOCK} changed hands too often to be taken; run the command again`);
  } finally {
    removeUnlessRenamed(mine);
  }
}

/** This run's lock directory, unless it became LOCK: fs.rmSync only when it is there (it loads Node's rimraf). */
function removeUnlessRenamed(mine: string): void {
  if (fs.existsSync(mine)) fs.rmSync(mine, { recursive: true, force: true });
}

/** The owners named in the lock at `path`: its entries, or for a lock file its pid. */
function holdersOf(path: string): { pid: number; path: string }[] {
  const pid = (text: string) => Number.parseInt(text, 10);
  const stat = tryOr(() => fs.lstatSync(path), undefined);
  if (!stat) return [];
  if (!stat.isDirectory()) return [{ pid: pid(tryOr(() => fs.readFileSync(path, 'utf8'), '')), path }];
  const names = tryOr(() => fs.readdirSync(path), []);
  return names.map((name) => ({ pid: pid(name), path: join(path, name) }));
}

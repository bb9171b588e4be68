// The lock of a directory tree that create and add/remove write (src/file-transaction.ts), and the
// signal handling that lets a write under way finish or roll back before the process exits.
import fs from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from './errors.ts';

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
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh work file name, `.fc-lifecycle-<kind>-<pid>-<random>`: short, and tells whose it is. */
export const workName = (kind: string) => `.fc-lifecycle-${kind}-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;

/** Takes the root's lock (a file holding the owner's pid, made with link(2), which never replaces one). */
export async function lock(root: string, field: string): Promise<() => Promise<void>> {
  const path = join(root, LOCK);
  const temp = join(root, workName('lock'));
  await fs.writeFile(temp, `${process.pid}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await fs.link(temp, path);
        return () => fs.rm(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
        const holder = Number.parseInt(await fs.readFile(path, 'utf8').catch(() => ''), 10);
        if (alive(holder)) fail(field, `${root} is being changed by another create-fc-lifecycle run (pid ${holder}); run again when it has finished (or delete ${LOCK} there if no such run is going on)`);
        await fs.rm(path, { force: true }); // left by a run that was killed
      }
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

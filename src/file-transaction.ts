// Writing several files of one directory tree all-or-nothing, the one write path of `create` and of
// `add`/`remove`. Under a lock file in the tree's root, new contents are staged in a directory inside the
// root (same file system, short names), an intent record lists every file, then each file is renamed into
// place (atomically: the path holds the old or the new file, never neither), with a link to the one it
// replaces kept in a backup directory. Any failure, a signal (SIGINT/SIGTERM wait
// for the transaction) or a SIGKILL (the next run reads the intent record) rolls every file back; the
// backup is deleted only once every move succeeded or every original is back.
// Writes never follow a symbolic link: staged files are created with O_EXCL, each path is checked with
// lstat right before its move and again after it, and each move goes through its parent directory as
// opened without following links (src/at-entry.ts); a rename replaces a link instead of following it.
//
// The file-system calls are synchronous: each is one system call the run waits for anyway, and an await
// of fs/promises adds a round trip through libuv's thread pool to each (a dozen of them per file). A
// SIGINT or SIGTERM that comes meanwhile is handled once the transaction is done or rolled back, as
// guarded() has it. They go through the `fs` object (not named imports) so tests can inject faults.
// The exception is the rmdir(2) of each work directory at the end (see removeWorkDirs).
import fs, { constants, type Stats } from 'node:fs';
import { join } from 'node:path';
import { atEntry } from './at-entry.ts';
import { fail } from './errors.ts';
import { alive, guarded, LOCK, lock, workName } from './file-lock.ts';
import { fileErrorRule, isFileError, readRegularFileSync, tryOr, unlinkIfThere } from './safe-fs.ts';

const INTENT = '.fc-lifecycle-intent.json';
/** An intent record lists a few file paths; anything larger is not one. */
const MAX_INTENT_BYTES = 1024 * 1024;
/** Work files and directories of one run: `.fc-lifecycle-<kind>-<pid>-<random>` (at most 45 bytes). */
const WORK = /^\.fc-lifecycle-(?:staging|backup|lock|intent)-(\d+)-[0-9a-f]+$/;

/** Names this module leaves in a root only while a run is under way (or after it was killed). */
export function isWorkName(name: string): boolean {
  return name === LOCK || name === INTENT || WORK.test(name);
}

export interface FileWrite {
  /** Path under the root, `/`-separated. */
  path: string;
  contents: string | Buffer;
  /** Permission bits, as for open(2) (the umask applies); undefined keeps those of the file it replaces. */
  mode?: number;
  /** The bytes the file had when it was planned: the write stops when they differ (or the file is gone). */
  expected?: Buffer;
}

export interface CommitOptions {
  /** The field errors are reported on. */
  field: string;
  /** Whether an existing file may be replaced without `expected` (create --force). */
  replace: boolean;
  /** Checks run under the lock, after an earlier run's leftovers are cleaned up (throw InputError to stop). */
  check?: () => Promise<void>;
}

interface Intent {
  staging: string;
  backup: string;
  files: { path: string; existed: boolean }[];
  /** Directories the run creates, parents first. */
  dirs: string[];
}

/** lstat, or undefined when the path cannot be looked at (absent, or any other error). */
const lstatOrNothing = (path: string) => tryOr<Stats | undefined>(() => fs.lstatSync(path), undefined);
const exists = (path: string) => lstatOrNothing(path) !== undefined;
const removeTree = (path: string) => fs.rmSync(path, { recursive: true, force: true });

/**
 * Removes work directories of this run that hold only files: the staging and backup directories once
 * the write is committed. rmdir(2) can wait for the file system with the CPU idle (0.1-4 ms each on
 * the VM this was measured on), and rmdirs that wait together finish about together: these go through
 * the thread pool at once, with the lock's (src/file-lock.ts). The lock may be gone before they are,
 * which is harmless: another run leaves work files of a live pid alone. What cannot be removed stays
 * for the next run here, which removes it once this pid is gone (recover): the write is done, and
 * rolling it back now could no longer put back an original whose backup link is already deleted.
 */
async function removeWorkDirs(paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      try {
        for (const name of fs.readdirSync(path)) fs.unlinkSync(join(path, name));
        await fs.promises.rmdir(path);
      } catch {
        tryOr(() => removeTree(path), undefined);
      }
    }),
  );
}

// --- recovery ------------------------------------------------------------------------------------
/** Puts every file of an interrupted transaction back as it was, then removes its work files. Repeatable. */
function rollBack(root: string, intent: Intent): void {
  for (const [i, file] of intent.files.entries()) {
    const saved = join(root, intent.backup, String(i));
    if (exists(saved)) atEntry(root, file.path, (entry) => fs.renameSync(saved, entry));
    else if (!file.existed && !exists(join(root, intent.staging, String(i)))) atEntry(root, file.path, (entry) => fs.rmSync(entry, { force: true }));
  }
  for (const dir of [...intent.dirs].reverse()) tryOr(() => fs.rmdirSync(join(root, dir)), undefined);
  removeTree(join(root, intent.staging));
  removeTree(join(root, intent.backup));
  unlinkIfThere(join(root, INTENT));
}

function readIntent(root: string): Intent | undefined {
  const path = join(root, INTENT);
  if (!exists(path)) return undefined;
  const bytes = readRegularFileSync(path, { field: 'dir', shown: path, limit: MAX_INTENT_BYTES, noFollow: true });
  try {
    return JSON.parse(bytes.toString('utf8')) as Intent;
  } catch {
    fail('dir', `${path}, the record of an interrupted write, is damaged; check the files it names, then delete it and the .fc-lifecycle-* entries beside it`);
  }
}

/** Under the lock: rolls back a transaction a killed run left, and removes work files of runs that are gone. */
function recover(root: string): void {
  const intent = readIntent(root);
  if (intent) rollBack(root, intent);
  for (const name of fs.readdirSync(root)) {
    const pid = WORK.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) removeTree(join(root, name));
  }
}

/** Whether `root` holds work files of a run; if so, and no run holds the lock, cleans up after a killed one. */
export async function recoverInterrupted(root: string, field: string): Promise<void> {
  const names = tryOr(() => fs.readdirSync(root), []);
  if (!names.some(isWorkName)) return;
  await guarded(async () => {
    const unlock = lock(root, field);
    try {
      recover(root);
    } finally {
      await unlock();
    }
  });
}

// --- commit ----------------------------------------------------------------------------------------
/**
 * What is at `path` under root now: every directory on the way must be a real directory (not a link),
 * the file a regular file or absent. Returns the directories that are missing, parents first.
 */
function inspect(root: string, path: string, field: string): { existed: boolean; mode: number; missing: string[] } {
  const parts = path.split('/');
  const missing: string[] = [];
  for (let i = 1; i < parts.length; i += 1) {
    const dir = parts.slice(0, i).join('/');
    const stat = lstatOrNothing(join(root, dir));
    if (!stat || missing.length > 0) missing.push(dir);
    else if (!stat.isDirectory()) fail(field, `${dir} is in the way of ${path} (${stat.isSymbolicLink() ? 'a symbolic link' : 'not a directory'}); nothing was written`);
  }
  const stat = missing.length > 0 ? undefined : lstatOrNothing(join(root, path));
  if (stat && !stat.isFile()) fail(field, `${path} is in the way (${stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}); only regular files are replaced, nothing was written`);
  return { existed: stat !== undefined, mode: stat ? stat.mode & 0o7777 : 0o644, missing };
}

function checkExpected(root: string, write: FileWrite, existed: boolean, options: CommitOptions): void {
  if (write.expected === undefined) {
    if (existed && !options.replace) fail(options.field, `${write.path} exists; nothing was written`);
    return;
  }
  const read = () => readRegularFileSync(join(root, write.path), { field: options.field, shown: write.path, limit: write.expected!.length, noFollow: true });
  const now = existed ? tryOr<Buffer | undefined>(read, undefined) : undefined;
  if (!now?.equals(write.expected)) fail(options.field, `${write.path} changed since it was read; run the command again`);
}

function writeIntent(root: string, intent: Intent): void {
  const temp = join(root, workName('intent'));
  try {
    fs.writeFileSync(temp, JSON.stringify(intent), { flag: 'wx' });
    fs.renameSync(temp, join(root, INTENT));
  } finally {
    unlinkIfThere(temp);
  }
}

/**
 * Moves the staged files into place, each path checked right before and after its move. Every move is
 * attempted even after one fails (each is atomic on its own, and the rollback takes back any of them);
 * the first failure is thrown once all are done.
 */
function moveAll(root: string, writes: readonly FileWrite[], intent: Intent, field: string): void {
  for (const dir of intent.dirs) {
    try {
      fs.mkdirSync(join(root, dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const failures: unknown[] = [];
  for (const [i, write] of writes.entries()) {
    try {
      moveOne(root, write, i, intent, field);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/** Moves one staged file into place (see moveAll). */
function moveOne(root: string, write: FileWrite, i: number, intent: Intent, field: string): void {
  const { existed } = inspect(root, write.path, field);
  if (existed !== intent.files[i]!.existed) fail(field, `${write.path} appeared or went away while it was written; run the command again`);
  atEntry(root, write.path, (entry) => {
    // The backup is a second link to the original (a copy where links are not supported), so the
    // path always holds the old or the new file: the rename replaces one with the other at once.
    if (existed) {
      const saved = join(root, intent.backup, String(i));
      try {
        fs.linkSync(entry, saved);
      } catch {
        fs.copyFileSync(entry, saved, constants.COPYFILE_EXCL);
      }
    }
    fs.renameSync(join(root, intent.staging, String(i)), entry);
  });
  // A directory on the way swapped for a link during the moves: the rollback takes both moves back.
  const after = inspect(root, write.path, field);
  if (!after.existed) fail(field, `${write.path} went away while it was written`);
}

/**
 * After a failure before the commit point: every file back as it was (`undo` the intent, or the work
 * directories made before it), then the failure thrown, file-system errors as one line.
 */
function abandon(root: string, error: unknown, undo: Intent | string[], field: string): never {
  if (Array.isArray(undo)) for (const dir of undo) removeTree(join(root, dir));
  else {
    try {
      rollBack(root, undo);
    } catch (rollbackError) {
      const reason = isFileError(rollbackError) ? fileErrorRule(rollbackError) : String(rollbackError);
      fail(field, `the write failed and so did putting files back (${reason}); the originals are kept in ${join(root, undo.backup)}, and the next run puts them back`);
    }
  }
  if (isFileError(error)) fail(field, `${fileErrorRule(error)}; nothing was written`);
  throw error;
}

/**
 * Writes `writes` under `root` (a real, existing directory) all-or-nothing; see the file comment.
 * Returns the paths that replaced existing files. A failure throws, with every file as it was.
 */
export function commitFiles(root: string, writes: readonly FileWrite[], options: CommitOptions): Promise<{ replaced: string[] }> {
  return guarded(async () => {
    const unlock = lock(root, options.field);
    let intent: Intent | undefined;
    const staging = workName('staging');
    const backup = workName('backup');
    let staged = false;
    let replaced: string[];
    try {
      recover(root);
      await options.check?.();
      // Only reads: the first file (in plan order) that stops the write is reported.
      const found = writes.map((write) => {
        const seen = inspect(root, write.path, options.field);
        checkExpected(root, write, seen.existed, options);
        return seen;
      });
      const files: Intent['files'] = writes.map((write, i) => ({ path: write.path, existed: found[i]!.existed }));
      const modes = found.map((seen) => seen.mode);
      const dirs = new Set(found.flatMap((seen) => seen.missing));
      staged = true;
      fs.mkdirSync(join(root, staging));
      fs.mkdirSync(join(root, backup));
      for (const [i, write] of writes.entries()) {
        const path = join(root, staging, String(i));
        fs.writeFileSync(path, write.contents, { flag: 'wx', mode: write.mode ?? modes[i]! });
        if (write.mode === undefined) fs.chmodSync(path, modes[i]!);
      }
      intent = { staging, backup, files, dirs: [...dirs] };
      writeIntent(root, intent);
      moveAll(root, writes, intent, options.field);
      // The commit point: from here on the new files stay, and the backup may go.
      fs.unlinkSync(join(root, INTENT));
      replaced = writes.filter((_, i) => files[i]!.existed).map((write) => write.path);
    } catch (error) {
      try {
        abandon(root, error, intent ?? (staged ? [staging, backup] : []), options.field);
      } finally {
        await unlock();
      }
    }
    await Promise.all([removeWorkDirs([join(root, staging), join(root, backup)]), unlock()]);
    return { replaced };
  });
}

// What killed runs left on disk outside the current transaction's own work files (src/file-transaction.ts):
// `add`/`remove` of OLDER versions wrote `<file>.fc-lifecycle-<pid>-<ts>` temporaries beside the files
// they edited (deployed with code/ when left there); `create` stages a new target in
// `.<name>.fc-staging-<pid>-<hex>` beside it (src/new-target.ts; older versions did so for every
// target), and older versions kept replaced files in `.<name>.fc-backup-<pid>-<hex>` beside the target.
// Temporaries and staging directories hold only new, unfinished content: once the pid that made them is
// gone they are removed. A backup holds the user's replaced files: it is never deleted, only reported.
// `doctor` (which only reads) reports all of them, and the transaction's work files.
import { existsSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { alive } from './file-lock.ts';
import { isWorkName } from './file-transaction.ts';

/** `<file>.fc-lifecycle-<pid>-<Date.now() in base 36, 8 digits until 2059>`: an older add/remove's temporary. */
const OLD_TEMPORARY = /^(.+)\.fc-lifecycle-(\d+)-[0-9a-z]{8}$/;
/** `.<target>.fc-staging|backup-<pid>-<hex>`: a create's work directory, beside the target (a backup: an older create's). */
const oldCreateDir = (target: string) => new RegExp(`^\\.${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.fc-(staging|backup)-(\\d+)-[0-9a-f]{1,8}$`);
/** Directories never searched: they are not the project's own code, and can be huge. */
const SKIPPED = new Set(['node_modules', '.git', '.s', 'vendor', 'target', 'bin', 'obj', '__pycache__']);
/** The search is bounded: deeper or further than this, older versions never wrote. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;

export interface Leftover {
  path: string;
  kind: 'temporary' | 'staging' | 'backup' | 'work';
  /** The pid of the run that made it, when its name tells. */
  pid?: number;
}

const entries = (dir: string): Dirent[] => {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
};

/** Older add/remove temporaries under `root` (regular files only; links and skipped directories are not followed). */
function oldTemporaries(root: string): Leftover[] {
  const found: Leftover[] = [];
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    for (const entry of entries(dir)) {
      if ((budget -= 1) < 0) return;
      if (entry.isFile()) {
        // Only beside the file it was to replace, which an older add/remove never deleted.
        const match = entry.name.includes('.fc-lifecycle-') ? OLD_TEMPORARY.exec(entry.name) : null;
        if (match && existsSync(join(dir, match[1]!))) found.push({ path: join(dir, entry.name), kind: 'temporary', pid: Number(match[2]) });
      } else if (entry.isDirectory() && depth < MAX_DEPTH && !SKIPPED.has(entry.name)) {
        walk(join(dir, entry.name), depth + 1);
      }
    }
  };
  walk(root, 0);
  return found;
}

/** Create work directories beside `target` (real directories only). */
function oldCreateDirs(target: string): Leftover[] {
  const pattern = oldCreateDir(basename(target));
  return entries(dirname(target)).flatMap((entry) => {
    const match = pattern.exec(entry.name);
    return match && entry.isDirectory() ? [{ path: join(dirname(target), entry.name), kind: match[1] as 'staging' | 'backup', pid: Number(match[2]) }] : [];
  });
}

/** Everything a killed run left in or beside the directory `root`, other than the transaction's work files. */
export function olderLeftovers(root: string): Leftover[] {
  return [...oldCreateDirs(root), ...oldTemporaries(root)];
}

/** The one line that tells the user about a backup an older create left beside `target`. */
function backupNote(path: string, target: string): string {
  return `${path} is a backup an older create-fc-lifecycle --force left when it was stopped: it holds files of ${target} it was replacing, under the same paths; copy back what you need, then delete it`;
}

/**
 * Removes the temporaries and staging directories of runs that are gone, in or beside `root`
 * (a create's target or a project); returns one line for each backup, which is kept.
 */
export function cleanOlderLeftovers(root: string): string[] {
  const notes: string[] = [];
  for (const leftover of olderLeftovers(root)) {
    if (leftover.kind === 'backup') notes.push(backupNote(leftover.path, root));
    else if (!alive(leftover.pid!)) rmSync(leftover.path, { recursive: leftover.kind === 'staging', force: true });
  }
  return notes;
}

/** For doctor: every leftover of a killed run in or beside `root`, this version's work files included, one line each. */
export function leftoverReports(root: string): { path: string; message: string }[] {
  const own = entries(root).filter((entry) => isWorkName(entry.name));
  return [
    ...own.map((entry) => ({ path: join(root, entry.name), message: 'a work file of a create-fc-lifecycle run that was stopped (or still runs); the next add, remove or create here rolls that run back and removes it' })),
    ...olderLeftovers(root).map(({ path, kind }) => ({
      path,
      message:
        kind === 'backup'
          ? backupNote(path, root)
          : `${kind === 'staging' ? 'an unfinished project a create-fc-lifecycle run left when it was stopped (or that still runs)' : 'an unfinished edit an older create-fc-lifecycle add/remove left when it was stopped (it would be deployed with the code)'}; the next add, remove or create here deletes it, or delete it yourself`,
    })),
  ];
}

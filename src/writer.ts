import { lstatSync, realpathSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail } from './errors.ts';
import { commitFiles, isWorkName, recoverInterrupted } from './file-transaction.ts';
import { cleanOlderLeftovers } from './leftovers.ts';
import { stagingName, writeNewTarget } from './new-target.ts';
import { asInput, tryOr } from './safe-fs.ts';
import type { FilePlan } from './plan.ts';

export interface WriteOptions {
  /** Overwrite files the plan writes when they already exist. Never deletes anything. */
  force?: boolean;
}

export interface WriteResult {
  written: string[];
  /** Files that existed and were replaced (only with force). */
  overwritten: string[];
  /** One line for each backup a killed older version left beside the target (kept; see src/leftovers.ts). */
  leftovers: string[];
}

/** How many entries the target directory has (0 when it does not exist yet); throws InputError when it is not a directory. */
export async function targetEntries(targetDir: string): Promise<number> {
  const stat = await fs.stat(targetDir).catch(() => undefined);
  if (!stat) return 0;
  if (!stat.isDirectory()) fail('dir', `${targetDir} exists and is not a directory`);
  // Work files of a run under way, or of a killed one (the next write cleans them up), are not user files.
  return (await asInput('dir', () => fs.readdir(targetDir))).filter((name) => !isWorkName(name)).length;
}

/**
 * Refuses a target that would lose user data: a file, or a non-empty directory without `force`;
 * with `force`, a planned file whose path is a directory (or under a file). Throws InputError.
 */
export async function checkTarget(plan: FilePlan, options: WriteOptions = {}): Promise<void> {
  const { targetDir } = plan;
  const entries = await targetEntries(targetDir);
  if (entries === 0) return;
  if (!options.force) {
    fail('dir', `${targetDir} is not empty (${entries} ${entries === 1 ? 'entry' : 'entries'}); use an empty directory, or --force to overwrite only the files this generator writes`);
  }
  for (const file of plan.files) {
    const parts = file.path.split('/');
    for (let i = 1; i <= parts.length; i += 1) {
      const path = join(targetDir, ...parts.slice(0, i));
      const existing = await fs.lstat(path).catch(() => undefined);
      if (!existing) break;
      const isLast = i === parts.length;
      if (isLast ? !existing.isFile() : !existing.isDirectory()) {
        fail('dir', `${path} is in the way of ${file.path} (${existing.isDirectory() ? 'a directory' : 'not a directory'}); --force only replaces files`);
      }
    }
  }
}

/**
 * lstat answered at once: the stats, undefined when nothing is there (ENOENT), null on any other error.
 * A question about one path is answered by the kernel without waiting, where the promise form costs a
 * round trip through libuv's thread pool; a new target's write asked three of them one after another.
 */
function lstatNow(path: string): Stats | undefined | null {
  return tryOr<Stats | undefined | null>(() => lstatSync(path, { throwIfNoEntry: false }), null);
}

/** Creates `dir` and its missing parents; returns the ones it created, deepest first, to remove on failure. */
async function makeDirectories(dir: string): Promise<string[]> {
  const created: string[] = [];
  for (let current = dir; !lstatNow(current); current = dirname(current)) created.push(current);
  for (const path of [...created].reverse()) {
    await fs.mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      created.splice(created.indexOf(path), 1);
    });
  }
  return created;
}

/** Removes the directories makeDirectories created, when they are still empty. */
async function removeDirectories(created: readonly string[]): Promise<void> {
  for (const dir of created) await fs.rmdir(dir).catch(() => undefined);
}

/** The plan's files as writes, with the permission bits each gets. */
const writesOf = (plan: FilePlan) => plan.files.map((file) => ({ path: file.path, contents: file.contents, mode: file.executable ? 0o755 : 0o644 }));

/**
 * Writes the plan all-or-nothing. A target that does not exist yet is built beside it and renamed into
 * place in one step (src/new-target.ts). Into an existing directory the files go through the
 * transaction (src/file-transaction.ts): they are staged inside the target directory, so on its file
 * system whatever it is (a mount point, a link to another disk), and with short names, then moved into
 * place under the target's lock; `--force` keeps every replaced file in a backup until all moves
 * succeeded. Directories created for a write that fails are removed again.
 */
export async function writePlan(plan: FilePlan, options: WriteOptions = {}): Promise<WriteResult> {
  const absent = lstatNow(plan.targetDir) === undefined;
  const staging = absent ? stagingName(plan.targetDir) : undefined;
  if (staging !== undefined) return writeNewPlan(plan, staging);
  // A run killed while writing here left files that make the target look taken: put them back first.
  const existing = await fs.realpath(plan.targetDir).catch(() => undefined);
  if (existing !== undefined && (await fs.stat(existing)).isDirectory()) await recoverInterrupted(existing, 'dir');
  const leftovers = cleanOlderLeftovers(plan.targetDir);
  await checkTarget(plan, options);
  const created = await asInput('dir', () => makeDirectories(plan.targetDir));
  try {
    const root = await asInput('dir', () => fs.realpath(plan.targetDir));
    const { replaced } = await commitFiles(root, writesOf(plan), { field: 'dir', replace: options.force ?? false, check: () => checkTarget(plan, options) });
    return { written: plan.files.map((file) => file.path), overwritten: replaced, leftovers };
  } catch (error) {
    await removeDirectories(created);
    throw error;
  }
}

/** Writes the plan as a new target directory through the staging directory `staging` beside it. */
async function writeNewPlan(plan: FilePlan, staging: string): Promise<WriteResult> {
  // A killed create of this target left its staging directory: removed here once its pid is gone.
  const leftovers = cleanOlderLeftovers(plan.targetDir);
  const created = await asInput('dir', () => makeDirectories(dirname(plan.targetDir)));
  try {
    const parent = await asInput('dir', async () => realpathSync.native(dirname(plan.targetDir)));
    await writeNewTarget(parent, basename(plan.targetDir), staging, writesOf(plan));
    return { written: plan.files.map((file) => file.path), overwritten: [], leftovers };
  } catch (error) {
    await removeDirectories(created);
    throw error;
  }
}

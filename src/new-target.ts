// Writing a project into a target directory that does not exist yet (the usual `create`): the whole
// tree is built in one staging directory beside the target, `.<name>.fc-staging-<pid>-<hex>` (in the
// same parent, so on the same file system), and then renamed into place by one rename(2). A kill at
// any moment leaves either no target, with a staging directory that the next create of that target
// removes once its pid is gone (src/leftovers.ts), or the whole project: no lock or intent record is
// needed, and none of the per-file round trips of src/file-transaction.ts, which writes into a
// directory that exists. The rename also decides between runs racing for one new target: it lands
// only where no target (or an empty directory) is, so of concurrent runs exactly one writes, and
// every other one fails on the rename and writes nothing.
import fs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fail } from './errors.ts';
import { guarded } from './file-lock.ts';
import { fileErrorRule, isFileError } from './safe-fs.ts';
import { settleAll } from './settle-all.ts';

/** The longest file name the file systems we write to allow, in bytes. */
const MAX_NAME_BYTES = 255;

export interface NewFile {
  /** Path under the target, `/`-separated. */
  path: string;
  contents: string | Buffer;
  /** Permission bits, as for open(2) (the umask applies). */
  mode: number;
}

/**
 * A fresh staging directory name beside `target`, the form src/leftovers.ts cleans up; undefined when
 * the target's name is too long to leave room for it (the caller then writes through the transaction).
 */
export function stagingName(target: string): string | undefined {
  const name = `.${basename(target)}.fc-staging-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  return Buffer.byteLength(name) <= MAX_NAME_BYTES ? name : undefined;
}

/** The directories the files need, grouped by depth (parents in an earlier group than their children). */
function directoryLevels(files: readonly NewFile[]): string[][] {
  const levels: Set<string>[] = [];
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) (levels[depth - 1] ??= new Set()).add(parts.slice(0, depth).join('/'));
  }
  return levels.map((level) => [...level]);
}

/**
 * Writes `files` as the new directory `parent/name` (`parent` a real, existing directory) through the
 * staging directory `staging` beside it; see the file comment. A failure throws, with nothing written.
 */
export function writeNewTarget(parent: string, name: string, staging: string, files: readonly NewFile[]): Promise<void> {
  const target = join(parent, name);
  const stage = join(parent, staging);
  return guarded(async () => {
    let made = false;
    try {
      await fs.mkdir(stage);
      made = true;
      for (const level of directoryLevels(files)) await settleAll(level.map((dir) => fs.mkdir(join(stage, dir))));
      await settleAll(files.map((file) => fs.writeFile(join(stage, file.path), file.contents, { flag: 'wx', mode: file.mode })));
      await fs.rename(stage, target);
    } catch (error) {
      if (made) await fs.rm(stage, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (isFileError(error) && error.syscall === 'rename' && ['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code!)) {
        fail('dir', `${target} appeared while this run was writing it (another create-fc-lifecycle run?); nothing was written`);
      }
      if (isFileError(error)) fail('dir', `${fileErrorRule(error)}; nothing was written`);
      throw error;
    }
  });
}

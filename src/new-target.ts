// Writing a project into a target directory that does not exist yet (the usual `create`): the whole
// tree is built in one staging directory beside the target, `.<name>.fc-staging-<pid>-<hex>` (in the
// same parent, so on the same file system), and then renamed into place by one rename(2). A kill at
// any moment leaves either no target, with a staging directory that the next create of that target
// removes once its pid is gone (src/leftovers.ts), or the whole project: no lock or intent record is
// needed, and none of the per-file backups and checks of src/file-transaction.ts, which writes into
// a directory that exists. The rename also decides between runs racing for one new target: it lands
// only where no target (or an empty directory) is, so of concurrent runs exactly one writes, and
// every other one fails on the rename and writes nothing.
//
// The calls are synchronous: a dozen new files in a directory of the run's own are written faster by
// the main thread, one call each, than by promises, each of which is three round trips (open, write,
// close) through libuv's thread pool while the run waits anyway. A SIGINT or SIGTERM that comes
// meanwhile is handled when the rename is done, as guarded() would have it. They go through the `fs`
// object (not named imports) so tests can inject faults into them.
import fs from 'node:fs';
import { basename, join } from 'node:path';
import { fail } from './errors.ts';
import { guarded } from './file-lock.ts';
import { fileErrorRule, isFileError } from './safe-fs.ts';

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

/** The directories the files need, each after its parent. */
function directoriesOf(files: readonly NewFile[]): Set<string> {
  const directories = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) directories.add(parts.slice(0, depth).join('/'));
  }
  return directories;
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
      fs.mkdirSync(stage);
      made = true;
      for (const dir of directoriesOf(files)) fs.mkdirSync(join(stage, dir));
      for (const file of files) fs.writeFileSync(join(stage, file.path), file.contents, { flag: 'wx', mode: file.mode });
      fs.renameSync(stage, target);
    } catch (error) {
      if (made) fs.rmSync(stage, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (isFileError(error) && error.syscall === 'rename' && ['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code!)) {
        fail('dir', `${target} appeared while this run was writing it (another create-fc-lifecycle run?); nothing was written`);
      }
      if (isFileError(error)) fail('dir', `${fileErrorRule(error)}; nothing was written`);
      throw error;
    }
  });
}

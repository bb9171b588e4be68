// A path to an entry of a directory tree that never goes through a symbolic link, for the moves and
// deletes of the write transaction (src/file-transaction.ts). Synchronous, as the transaction is; the
// calls go through the `fs` object so tests can inject faults into them.
import fs, { constants } from 'node:fs';
import { join } from 'node:path';

const PROC_FD = '/proc/self/fd';
let hasProcFd: boolean | undefined;

/**
 * Runs `action` with a path naming `path`'s entry in its parent directory that never goes through a
 * link. On Linux the parent is opened one component at a time with O_NOFOLLOW (a link on the way is
 * ELOOP), and the path goes through /proc/self/fd, so a directory swapped for a link after it was
 * opened is not followed: renameat(2) semantics, which Node lacks. Elsewhere it is the plain path,
 * which the write transaction checks right before and after each move (src/file-transaction.ts).
 */
export function atEntry<T>(root: string, path: string, action: (entry: string) => T): T {
  hasProcFd ??= fs.existsSync(PROC_FD);
  if (!hasProcFd) return action(join(root, path));
  const parts = path.split('/');
  const base = parts.pop()!;
  let dir = fs.openSync(root, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    for (const part of parts) {
      const next = fs.openSync(`${PROC_FD}/${dir}/${part}`, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
      fs.closeSync(dir);
      dir = next;
    }
    return action(`${PROC_FD}/${dir}/${base}`);
  } finally {
    fs.closeSync(dir);
  }
}

// Reading a user's project safely: only regular files (a FIFO or a device would block or never end),
// never more than a documented number of bytes, never through a path that leads outside the project,
// and text decoded only when it decodes exactly (so writing it back keeps every byte). File-system errors
// become InputErrors: one `error: <field>: <rule>` line instead of a raw errno message.
import fs, { constants } from 'node:fs';
import { relative, sep } from 'node:path';
import { fail } from './errors.ts';

/** Largest s.yaml read (bytes): a real one is a few KB; larger ones are refused, not parsed. */
export const MAX_S_YAML_BYTES = 1024 * 1024;
/** Largest source file read (bytes): handler files, files searched for code, bootstrap, Dockerfile. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; a regular file ignores it.
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

const ERRNO_RULES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'is a symbolic link (or too many of them)',
  ENAMETOOLONG: 'name too long',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EXDEV: 'on another file system',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EBUSY: 'busy',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A file-system error as the one-line rule the CLI prints (`<path>: permission denied`). */
export function fileErrorRule(error: NodeJS.ErrnoException, path = error.path): string {
  const rule = (error.code && ERRNO_RULES[error.code]) ?? error.code ?? error.message.split('\n')[0]!;
  return path ? `${path}: ${rule}` : `${error.syscall ?? 'file system'}: ${rule}`;
}

/** Whether an error came from the file system (has an errno code and a syscall). */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Runs `action`, turning a file-system error into an InputError on `field`. */
export async function asInput<T>(field: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (isFileError(error)) fail(field, fileErrorRule(error));
    throw error;
  }
}

/** `call()`, or `fallback` when it throws: a look at a path that may be gone, or never was what it should be. */
export function tryOr<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/**
 * Deletes the file at `path` if there is one (a missing one is no error; anything else throws), as
 * `rmSync(path, { force: true })` does for a file, without loading Node's rimraf on the way (fs.rmSync
 * always does, about 0.2 ms of an add or remove).
 */
export function unlinkIfThere(path: string): void {
  try {
    fs.unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Whether `path` is `root` or inside it (both absolute real paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The real path of `path` (symbolic links resolved), which must be inside the real `root`; refuses
 * with `field` otherwise. Undefined when the path does not exist.
 */
export function realPathInside(root: string, path: string, field: string): string | undefined {
  let real: string | undefined;
  try {
    real = fs.realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') fail(field, fileErrorRule(error as NodeJS.ErrnoException, path));
  }
  if (real !== undefined && !isInside(root, real)) {
    fail(field, `${relative(root, path) || path} leads outside the project (to ${real}); create-fc-lifecycle edits files of the project only`);
  }
  return real;
}

function checkRegular(stat: { isFile(): boolean; size: number }, shown: string, field: string, limit: number): void {
  if (!stat.isFile()) fail(field, `${shown} is not a regular file (a FIFO, device, socket or directory); only regular files are read`);
  if (stat.size > limit) fail(field, `${shown} is ${stat.size} bytes, over the ${limit}-byte limit for files create-fc-lifecycle reads`);
}

/**
 * Reads a regular file, at most `limit` bytes; `shown` names it in errors. With `noFollow` a symbolic
 * link at `path` itself is refused (resolve it first with realPathInside): how the edits and the write
 * transaction read; the doctor, which only reads, follows links. Synchronous: a few small files, each
 * read by the main thread in one open/fstat/read/close instead of four thread-pool round trips. The
 * calls go through the `fs` object so tests can inject faults into them.
 */
export function readRegularFileSync(path: string, options: { field: string; shown: string; limit: number; noFollow?: boolean }): Buffer {
  const { field, shown, limit } = options;
  let fd: number;
  try {
    fd = fs.openSync(path, options.noFollow ? READ_FLAGS | constants.O_NOFOLLOW : READ_FLAGS);
  } catch (error) {
    fail(field, fileErrorRule(error as NodeJS.ErrnoException, shown));
  }
  try {
    const stat = fs.fstatSync(fd);
    checkRegular(stat, shown, field, limit);
    // One byte more than fstat says, to see the file grow. read(2) of a regular file returns fewer bytes
    // than asked only at its end: once fstat's size is read, no further read is needed to hear the end.
    const bytes = Buffer.alloc(stat.size + 1);
    let length = 0;
    do {
      const read = fs.readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
    } while (length < stat.size);
    if (length > stat.size) fail(field, `${shown} grew over the ${limit}-byte limit while it was read`);
    return bytes.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Why `bytes` cannot be edited as text and written back byte for byte, or undefined when they can:
 * UTF-8 (a BOM, CRLF and a missing final newline are kept as they are), no NUL bytes (binary data, or
 * UTF-16 without a BOM), no UTF-16/UTF-32 byte order mark.
 */
export function textProblem(bytes: Buffer): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'is UTF-16 (or UTF-32) text';
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `has a NUL byte at offset ${nul} (binary, or UTF-16 without a byte order mark)`;
  try {
    UTF8.decode(bytes);
    return undefined;
  } catch {
    const lenient = bytes.toString('utf8');
    const at = lenient.indexOf('\uFFFD');
    return `is not UTF-8 text${at === -1 ? '' : ` (line ${lenient.slice(0, at).split('\n').length})`}`;
  }
}

/** The bytes as text, exactly (a UTF-8 BOM stays as U+FEFF), or an InputError saying why it is not text. */
export function exactText(bytes: Buffer, field: string, shown: string): string {
  const problem = textProblem(bytes);
  if (problem) fail(field, `${shown} ${problem}; create-fc-lifecycle edits UTF-8 files only and wrote nothing`);
  return UTF8.decode(bytes);
}

/**
 * Reads a realpath-confined, regular, bounded UTF-8 file of the project (see the functions above). The
 * work is synchronous (a realpath and one read, each answered at once); the promise is its callers' form.
 */
export async function readProjectText(root: string, path: string, options: { field: string; limit: number; lenient?: boolean }): Promise<{ path: string; text: string; exact: boolean }> {
  const shown = relative(root, path) || path;
  const real = realPathInside(root, path, options.field);
  if (real === undefined) fail(options.field, `${shown} does not exist`);
  const bytes = readRegularFileSync(real, { ...options, shown, noFollow: true });
  if (options.lenient) return { path: real, text: bytes.toString('utf8'), exact: textProblem(bytes) === undefined };
  return { path: real, text: exactText(bytes, options.field, shown), exact: true };
}

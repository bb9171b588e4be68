// Source files the doctor reads from disk, each read (and stat'ed) once per doctor run.
import { statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { listProjectFiles } from '../project-files.ts';
import { MAX_SOURCE_BYTES, readRegularFileSync } from '../safe-fs.ts';
import { SourceFile } from './file.ts';

const cache = new Map<string, SourceFile | undefined>();
const stats = new Map<string, Stats | undefined>();

/**
 * A path's stat (following links), undefined when it cannot be had (missing, a broken link, a file in the
 * middle of the path: as existsSync); taken once per doctor run, since 1,000 resources that share one
 * code directory ask about the same paths 1,000 times.
 */
export function statOnce(path: string): Stats | undefined {
  if (!stats.has(path)) {
    let stat: Stats | undefined;
    try {
      stat = statSync(path);
    } catch {}
    stats.set(path, stat);
  }
  return stats.get(path);
}

/**
 * A file's text, when it is a regular file (a FIFO or a device is never opened: it could block or never
 * end); undefined when it is missing or not a regular file. Over MAX_SOURCE_BYTES: one-line InputError.
 */
export function readText(path: string): string | undefined {
  if (!statOnce(path)?.isFile()) return undefined;
  return readRegularFileSync(path, { field: 'dir', shown: path, limit: MAX_SOURCE_BYTES }).toString('utf8');
}

/** Reads a source file (cached for one doctor run: clearSourceCache starts the next); undefined when it is not a readable file. */
export function readSource(path: string): SourceFile | undefined {
  if (!cache.has(path)) {
    const text = readText(path);
    cache.set(path, text === undefined ? undefined : new SourceFile(path, text));
  }
  return cache.get(path);
}

export function clearSourceCache(): void {
  cache.clear();
  stats.clear();
  trees.clear();
}

const trees = new Map<string, string[]>();

/** Files under `dir` (see listProjectFiles; listed once per doctor run) whose name passes `wanted`. */
export function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  if (!trees.has(dir)) trees.set(dir, listProjectFiles(dir));
  return trees.get(dir)!.filter((path) => wanted(basename(path)));
}

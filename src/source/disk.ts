// Source files the doctor reads from disk, each read (and stat'ed) once per doctor run.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { listProjectFiles } from '../project-files.ts';
import { MAX_SOURCE_BYTES, readRegularFileSync, tryOr } from '../safe-fs.ts';
import { SourceFile } from './file.ts';

const runCaches: Map<unknown, unknown>[] = [];

/**
 * A map for what one doctor run works out from the files (a stat, a file's model, where an entry
 * leads), emptied by clearSourceCache with the files: 1,000 resources that share code, or whose code
 * sits in one folder, ask the same questions of the same files 1,000 times.
 */
export function runCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  runCaches.push(cache as Map<unknown, unknown>);
  return cache;
}

/** The value `cache` holds for `key`, worked out by `make` the first time it is asked for. */
export function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  const known = cache.get(key);
  if (known !== undefined || cache.has(key)) return known as V;
  const value = make();
  cache.set(key, value);
  return value;
}

/** What the doctor asks of a path's stat. */
export type PathKind = Pick<Stats, 'isFile' | 'isDirectory'>;

const pathKind = (file: boolean, directory: boolean): PathKind => ({ isFile: () => file, isDirectory: () => directory });
const FILE = pathKind(true, false);
const DIRECTORY = pathKind(false, true);
const OTHER = pathKind(false, false);

const stats = runCache<string, PathKind | undefined>();

/**
 * A path's kind (following links), undefined when it cannot be had (missing, a broken link, a file in the
 * middle of the path: as existsSync); stat'ed once per doctor run. The run keeps one shared answer per
 * kind, not the Stats: each holds four Dates and a dozen numbers, which 1,000 resources' files kept
 * alive through every garbage collection.
 */
export function statOnce(path: string): PathKind | undefined {
  return cached(stats, path, () => {
    const stat = tryOr<Stats | undefined>(() => statSync(path), undefined);
    return stat && (stat.isFile() ? FILE : stat.isDirectory() ? DIRECTORY : OTHER);
  });
}

const texts = runCache<string, string | undefined>();

/**
 * A file's text (read once per doctor run), when it is a regular file (a FIFO or a device is never
 * opened: it could block or never end); undefined when it is missing or not a regular file. Over
 * MAX_SOURCE_BYTES: one-line InputError.
 */
export function readText(path: string): string | undefined {
  return cached(texts, path, () =>
    statOnce(path)?.isFile() ? readRegularFileSync(path, { field: 'dir', shown: path, limit: MAX_SOURCE_BYTES }).toString('utf8') : undefined);
}

const sources = runCache<string, SourceFile | undefined>();

/** Reads a source file (cached for one doctor run: clearSourceCache starts the next); undefined when it is not a readable file. */
export function readSource(path: string): SourceFile | undefined {
  return cached(sources, path, () => {
    const text = readText(path);
    return text === undefined ? undefined : new SourceFile(path, text);
  });
}

/** Starts a doctor run: forgets every file, and everything worked out from them, of the last one. */
export function clearSourceCache(): void {
  for (const cache of runCaches) cache.clear();
}

const trees = runCache<string, string[]>();

/** Files under `dir` (see listProjectFiles; listed once per doctor run) whose name passes `wanted`. */
export function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  return cached(trees, dir, () => listProjectFiles(dir)).filter((path) => wanted(basename(path)));
}

const listings = runCache<string, string[]>();

/** The names in a directory (readdirSync, listed once per doctor run; its errors are thrown as they were). */
export function dirNames(dir: string): readonly string[] {
  return cached(listings, dir, () => readdirSync(dir));
}

// Finding a resource's code from its s.yaml: the `code` directory and the file a `file.function`
// entry string names (Node.js, Python and PHP, spec §1.2-1.4 and §2.2).
import { relative, sep } from 'node:path';
import { dottedCandidate, splitDotted } from '../source/dotted-file.ts';
import { type SourceFile } from '../source/file.ts';
import { cached, readSource, runCache, statOnce } from '../source/disk.ts';
import type { HookKind, Project, Resource } from './types.ts';

/** The directory `code` points at, when it is a local directory (not a .zip, .jar or OSS object). */
export function codeDir(resource: Resource): string | undefined {
  return resource.code && statOnce(resource.code)?.isDirectory() ? resource.code : undefined;
}

/** A path as shown in messages: relative to the project, `/`-separated. */
export function shown(project: Project, path: string): string {
  return relative(project.root, path).split(sep).join('/') || '.';
}

/**
 * The hook a function name suggests, for "hook left in code" (names from the FC docs and examples:
 * initialize/initializer, preStop/pre_stop, spec §1.2-1.7).
 */
export function kindForName(name: string): HookKind | undefined {
  if (/^initiali[sz]er?$/i.test(name)) return 'initializer';
  if (/^pre_?stop$/i.test(name)) return 'preStop';
  return undefined;
}

/** The entry strings s.yaml uses for a resource (handler and every hook), so they are not "left over". */
export function configuredEntries(resource: Resource): string[] {
  return [resource.handler, resource.hooks.initializer?.entry, resource.hooks.preStop?.entry].filter((e): e is string => e !== undefined);
}

/**
 * What each reader made of each file: resources that share code share its SourceFile, so a module is
 * read once per doctor run, not once per resource and rule (the SourceFiles go with clearSourceCache).
 */
const modules = new WeakMap<SourceFile, Map<(file: SourceFile) => unknown, unknown>>();

export function readOnce<M>(file: SourceFile, read: (file: SourceFile) => M): M {
  const byReader = modules.get(file) ?? modules.set(file, new Map()).get(file)!;
  if (!byReader.has(read)) byReader.set(read, read(file));
  return byReader.get(read) as M;
}

/** Where a `file.function` entry leads: the parsed file and the name, or the file that is missing. */
export type Located<M> = { file: SourceFile; module: M; name: string } | { missing: string; name: string };

/** Where an entry file is first looked for, and the first candidate that is a file (see locateDotted); keyed by extensions, folder and file (no path has a NUL). */
const dottedPaths = runCache<string, { first: string; path: string | undefined }>();

/**
 * Finds the file a `file.function` entry names under the resource's code directory (the first
 * candidate that is a file: the runtime loads that one, so the others are not looked at) and parses
 * it with `read`; undefined when the code is not a local directory or the entry is not dotted.
 */
export function locateDotted<M>(resource: Resource, entry: string, extensions: readonly string[], read: (file: SourceFile) => M): Located<M> | undefined {
  const dir = resource.code;
  const parts = splitDotted(entry);
  if (!dir || !parts) return undefined;
  // The handler and the hooks mostly name one file (index.handler, index.initialize): it is looked for once.
  const { first, path } = cached(dottedPaths, `${extensions.join('|')}\0${dir}\0${parts.file}`, () => {
    // Each further candidate path is made only when the ones before it are not files: mostly the first is.
    const first = dottedCandidate(dir, parts.file, extensions[0]!);
    let path = statOnce(first)?.isFile() ? first : undefined;
    for (let i = 1; !path && i < extensions.length; i += 1) {
      const candidate = dottedCandidate(dir, parts.file, extensions[i]!);
      if (statOnce(candidate)?.isFile()) path = candidate;
    }
    return { first, path };
  });
  // A file found in it makes `code` a directory: it is stat'ed itself only when none is.
  if (!path && !codeDir(resource)) return undefined;
  const file = path && readSource(path);
  return file ? { file, module: readOnce(file, read), name: parts.name } : { missing: first, name: parts.name };
}

/**
 * A family's lookUp (where an entry of a resource leads), answered once per resource and entry in a
 * doctor run: hook-not-found, hook-without-config and the family's own rules each ask it again.
 */
export function lookUpOnce<M>(lookUp: (resource: Resource, entry: string) => Located<M> | undefined): (resource: Resource, entry: string) => Located<M> | undefined {
  const answers = runCache<Resource, Map<string, Located<M> | undefined>>();
  return (resource, entry) => cached(cached(answers, resource, () => new Map()), entry, () => lookUp(resource, entry));
}

/** Compares dotted version numbers (1.4.0 vs 1.3.10); qualifiers such as -SNAPSHOT are ignored. */
export function versionBelow(version: string, minimum: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split(/[-+]/)[0]!.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

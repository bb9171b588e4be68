// Files of a user's project: whether a path exists, and listing its files as the doctor and the hook
// editor look for code: in a stable order, skipping dependency, build and hidden directories, and
// bounded for very large trees.
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import { join } from 'node:path';

export const pathExists = (path: string) => fs.access(path).then(() => true, () => false);

/** Directories that hold dependencies or build output, never the function's own sources. */
const SKIPPED_DIRS = new Set(['node_modules', 'target', 'build', 'out', 'bin', 'obj', 'vendor', 'dist', 'venv', '__pycache__']);
/** How many directory entries one listing looks at, at most. */
const MAX_ENTRIES = 5000;

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every file under `dir` (depth first, by name), skipping SKIPPED_DIRS and hidden directories. */
export function listProjectFiles(dir: string): string[] {
  const found: string[] = [];
  let budget = MAX_ENTRIES;
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort(byName);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (budget-- <= 0) return;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (entry.isFile()) {
        found.push(path);
      }
    }
  };
  walk(dir);
  return found;
}

/** Files under `dir` whose names end with one of `suffixes` (see listProjectFiles). */
export function sourceFiles(dir: string, suffixes: readonly string[]): string[] {
  return listProjectFiles(dir).filter((path) => suffixes.some((suffix) => path.endsWith(suffix)));
}

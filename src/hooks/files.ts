// Finding source files in a user's project, skipping dependency and build directories.
import { join } from 'node:path';
import fs from 'node:fs/promises';

const SKIPPED = new Set(['node_modules', '.git', 'target', 'build', 'out', 'bin', 'obj', 'vendor', 'dist', '.venv', 'venv', '__pycache__', '.idea', '.vscode', '.s']);

export const pathExists = (path: string) => fs.access(path).then(() => true, () => false);

/** Files under `dir` whose names end with one of `suffixes`, in a stable order (at most 2000 looked at). */
export async function sourceFiles(dir: string, suffixes: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  let budget = 2000;
  async function walk(current: string): Promise<void> {
    const entries = await fs.readdir(current, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (budget-- <= 0) return;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))) {
        found.push(path);
      }
    }
  }
  await walk(dir);
  return found;
}

// Files of a user's project: whether a path exists, and the source files to look for code in.
import fs from 'node:fs/promises';
import { listProjectFiles } from '../project-files.ts';

export const pathExists = (path: string) => fs.access(path).then(() => true, () => false);

/** Files under `dir` whose names end with one of `suffixes` (see listProjectFiles). */
export function sourceFiles(dir: string, suffixes: readonly string[]): string[] {
  return listProjectFiles(dir).filter((path) => suffixes.some((suffix) => path.endsWith(suffix)));
}

// The bootstraps that host an instance inside a language child process are templates
// (templates/<family>/run/), so they ship inside the bundle like every other template; `run` writes
// them into its own temporary directory, never into the project.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates, render } from '../templates.ts';

/** Writes `templates/<family>/run/<name>.hbs` into `workDir` as `<name>`; returns its path. */
export async function writeBootstrap(family: string, name: string, workDir: string): Promise<string> {
  await loadTemplates(family);
  const path = join(workDir, name);
  writeFileSync(path, render(`${family}/run/${name}`, {}));
  return path;
}

// The bootstraps that host an instance inside a language child process are templates
// (templates/<family>/run/), so they ship inside the bundle like every other template; `run` writes
// them into its own temporary directory, never into the project.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates, render } from '../templates.ts';
import { startBootstrap } from './child.ts';
import type { Runner } from './types.ts';

/** Writes `templates/<family>/run/<name>.hbs` into `workDir` as `<name>`; returns its path. */
export async function writeBootstrap(family: string, name: string, workDir: string): Promise<string> {
  await loadTemplates(`${family}/run`);
  const path = join(workDir, name);
  writeFileSync(path, render(`${family}/run/${name}`, {}));
  return path;
}

/**
 * The runner of a family whose instance is an interpreter child hosting the bootstrap `file` of
 * templates/<family>/run/: `tool` must be installed (`install` says how: starting it is the check), and
 * runs the bootstrap in the code directory with the function's environment plus `env`.
 */
export function bootstrapRunner(family: string, file: string, tool: string, install: string, env: Record<string, string> = {}): Runner {
  return {
    async prepare() {},
    async start(target, workDir, log) {
      const bootstrap = await writeBootstrap(family, file, workDir);
      return startBootstrap([tool, bootstrap], { cwd: target.resource.code, env: { ...target.env, ...env }, entries: target.entries, install }, log);
    },
  };
}

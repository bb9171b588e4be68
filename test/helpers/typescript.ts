// TypeScript projects (--language typescript) for the tests: generated with this repository's
// node_modules symlinked in (esbuild, typescript, @types/node at the pinned versions), so a project's
// `npm test` and `npm run build` run without installing anything.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/spec.ts';
import { generateProject } from './generate.ts';
import { run } from './toolchain.ts';

export const REPO_MODULES = join(import.meta.dirname, '..', '..', 'node_modules');

/** Generates a TypeScript project whose node_modules is this repository's. */
export async function typeScriptProject(answers: Answers) {
  const project = await generateProject({ language: 'typescript', ...answers });
  symlinkSync(REPO_MODULES, join(project.root, 'node_modules'));
  return project;
}

/** The project's own `npm test`: tsc --noEmit, the esbuild build, the lifecycle test against the built file. */
export const npmTest = (root: string) => run('npm', ['test', '--silent'], { cwd: root });

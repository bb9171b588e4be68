// The hook editor's view of a TypeScript project (the doctor reads package.json through its own cache,
// with typeScriptBuildOf alone, so it does not load the editor's file readers).
import { join } from 'node:path';
import { scanCodeFile } from '../../hooks/code-files.ts';
import type { HookProject } from '../../hooks/types.ts';
import { pathExists } from '../../project-files.ts';
import { typeScriptBuildOf } from './typescript-source.ts';

/** The build of a project the hook editor edits, when its package.json declares one and the source exists. */
export async function projectTypeScriptBuild(project: HookProject): Promise<{ source: string; built: string } | undefined> {
  const packageJson = await scanCodeFile(project, join(project.root, 'package.json')).then((file) => file.text, () => undefined);
  const build = typeScriptBuildOf(packageJson, project.root);
  return build && (await pathExists(build.source)) ? build : undefined;
}

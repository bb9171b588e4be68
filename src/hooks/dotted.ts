// What the `file.function` languages (Node.js, Python, PHP) share.
import { join, relative } from 'node:path';
import { fail } from '../errors.ts';
import { pathExists } from '../project-files.ts';
import { readCodeFile } from './project.ts';
import { dottedFile } from './snippet.ts';
import type { CodeFile, HookProject } from './types.ts';

/** The code directory, which the handler file is in. */
export function requireCodeDir(project: HookProject): string {
  if (!project.codeDir) fail('s.yaml', `resources.${project.resource}.props.code must name a directory of this project (the handler file is looked up in it)`);
  return project.codeDir;
}

/** Reads the handler's file, `<code dir>/<file><extension>` for a `file.function` handler (Python, PHP). */
export async function readDottedHandlerFile(project: HookProject, extension: string): Promise<CodeFile> {
  const path = join(requireCodeDir(project), `${dottedFile(project.handler)}${extension}`);
  if (!(await pathExists(path))) fail('handler', `s.yaml's handler ${project.handler} needs ${relative(project.root, path)}, which does not exist`);
  return readCodeFile(project, path);
}

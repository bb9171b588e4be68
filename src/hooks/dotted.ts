// What the `file.function` languages (Node.js, Python, PHP) share: the handler's file, found with the
// doctor's lookup (src/source/dotted-file.ts).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import { dottedFiles } from '../source/dotted-file.ts';
import { readCodeFile } from './project.ts';
import { dottedFile } from './snippet.ts';
import type { CodeFile, HookProject } from './types.ts';

/** The code directory, which the handler file is in. */
export function requireCodeDir(project: HookProject): string {
  if (!project.codeDir) fail('s.yaml', `resources.${project.resource}.props.code must name a directory of this project (the handler file is looked up in it)`);
  return project.codeDir;
}

/** The handler's file as each of `extensions` would name it (`candidates`), and those that exist (`found`). */
export function handlerFiles(project: HookProject, extensions: readonly string[]): { candidates: string[]; found: string[] } {
  return dottedFiles(requireCodeDir(project), dottedFile(project.handler), extensions, existsSync);
}

/** Reads the handler's file: the first of `<code dir>/<file><extension>` that exists (Python, PHP). */
export async function readDottedHandlerFile(project: HookProject, extensions: readonly string[]): Promise<CodeFile> {
  const { candidates, found: [path] } = handlerFiles(project, extensions);
  if (!path) fail('handler', `s.yaml's handler ${project.handler} needs ${relative(project.root, candidates[0]!)}, which does not exist`);
  return readCodeFile(project, path);
}

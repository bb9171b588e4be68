// What the `file.function` languages (Node.js, Python, PHP) share: the handler's file, found with the
// doctor's lookup (src/source/dotted-file.ts).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import { dottedFiles } from '../source/dotted-file.ts';
import { definitionStart, lineAt, markOff, unmarkOff } from '../source/text.ts';
import { readCodeFile } from './code-files.ts';
import { dottedFile } from './snippet.ts';
import { HOOK_LABELS, type CodeFile, type CodeHooks, type HookKind, type HookProject } from './types.ts';

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

/** Offset of a hook's definition in the file (as the family's code.ts reads it), or undefined. */
export type DefinitionAt = (file: CodeFile, kind: HookKind, entry: string, project: HookProject) => number | undefined;

/**
 * find, switchOff and switchOn where a hook is one definition in the handler's file, at `at`: its line,
 * and the switched-off comment (written with `token`) above it and the comment, decorator or
 * attribute lines right above it (`prefixes`, see definitionStart).
 */
export function definitionEdits(at: DefinitionAt, prefixes: readonly string[], token: string): Pick<CodeHooks, 'find' | 'switchOff' | 'switchOn'> {
  return {
    find(file, kind, entry, project) {
      const offset = at(file, kind, entry, project);
      return offset === undefined ? undefined : lineAt(file.text, offset);
    },
    switchOff(file, kind, entry, project) {
      const offset = at(file, kind, entry, project);
      return offset === undefined ? file.text : markOff(file.text, definitionStart(file.text, offset, prefixes), offset, token, HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const offset = at(file, kind, entry, project);
      return offset === undefined ? file.text : unmarkOff(file.text, definitionStart(file.text, offset, prefixes), offset);
    },
  };
}

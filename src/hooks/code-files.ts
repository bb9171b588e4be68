// Reads the code files of the project add/remove edit (the project itself is opened by src/project/open.ts):
// inside the project, links resolved, bounded.
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import { MAX_SOURCE_BYTES, readProjectText } from '../safe-fs.ts';
import type { CodeFile, HookProject } from './types.ts';

/** Reads the code file an edit goes to: inside the project (links resolved), regular, bounded, exact UTF-8. */
export async function readCodeFile(project: HookProject, path: string): Promise<CodeFile> {
  const { path: real, text } = await readProjectText(project.root, path, { field: 'handler', limit: MAX_SOURCE_BYTES });
  return { path: real, text };
}

/** A file searched for code; `exact` says whether its text could be edited (see editableCode). */
export type ScannedFile = CodeFile & { exact: boolean };

export async function scanCodeFile(project: HookProject, path: string): Promise<ScannedFile> {
  return readProjectText(project.root, path, { field: 'handler', limit: MAX_SOURCE_BYTES, lenient: true });
}

/** The file searched for code, when it can be edited and written back byte for byte; InputError otherwise. */
export function editableCode(project: HookProject, file: ScannedFile): CodeFile {
  if (!file.exact) fail('handler', `${relative(project.root, file.path)} is not UTF-8 text (or has NUL bytes); create-fc-lifecycle edits UTF-8 files only and wrote nothing`);
  return { path: file.path, text: file.text };
}

// The text the hook editor is editing, as a SourceFile: the model the doctor reads from disk
// (src/source/disk.ts), so the editor and the doctor ask a family's code.ts the same questions of the
// same code. Text whose scan cannot be trusted is refused first, as readableCodeMask refuses it.
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import type { CodeFile, HookProject } from '../hooks/types.ts';
import { CODE, scanSource, type Syntax } from '../source-scan.ts';
import { SourceFile } from './file.ts';

/** The last text read, with whether it was checked for an unclosed `{`: find, add and find again read the same text. */
let last: { source: SourceFile; blocks: boolean } | undefined;

/**
 * The SourceFile of a file the editor reads to decide or edit; one-line InputError (naming `field`)
 * when it ends inside a comment, string or heredoc, or with `blocks` inside an unclosed `{`.
 */
export function editableSource(file: CodeFile, syntax: Syntax, field: string, project: HookProject, blocks = false): SourceFile {
  if (last && last.source.path === file.path && last.source.text === file.text && (last.blocks || !blocks)) return last.source;
  readableCodeMask(file, syntax, field, project, blocks);
  last = { source: new SourceFile(file.path, file.text), blocks };
  return last.source;
}

/**
 * The scan of a file the editor reads to decide or edit, refused (one line, naming `field`) when it
 * ends inside a comment, string or heredoc: then the scanner has misread something, and a hook it
 * "finds" or an edit it places could be inside text.
 */
export function readableScan(file: CodeFile, syntax: Syntax, field: string, project: HookProject): Uint8Array {
  const { kinds, unterminated } = scanSource(file.text, syntax);
  if (unterminated) {
    fail(field, `${relative(project.root, file.path)} ends inside an unclosed comment, string or heredoc, so its code cannot be read reliably; nothing is changed`);
  }
  return kinds;
}

/**
 * codeMask of a file the editor reads to decide or edit (see readableScan). With `blocks` (languages
 * whose hooks are appended at the end of the file), one that ends inside an unclosed `{` is refused
 * too: the hook would be nested in it.
 */
export function readableCodeMask(file: CodeFile, syntax: Syntax, field: string, project: HookProject, blocks = false): Uint8Array {
  const mask = readableScan(file, syntax, field, project).map((kind) => (kind === CODE ? 1 : 0));
  if (blocks) {
    let depth = 0;
    for (let i = 0; i < file.text.length; i += 1) if (mask[i] === 1) depth += file.text[i] === '{' ? 1 : file.text[i] === '}' ? -1 : 0;
    if (depth > 0) fail(field, `${relative(project.root, file.path)} ends inside an unclosed { block, so a hook appended to it would be nested in it; nothing is changed`);
  }
  return mask;
}

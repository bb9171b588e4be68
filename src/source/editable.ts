// The text the hook editor is editing, as a SourceFile: the model the doctor reads from disk
// (src/source/disk.ts), so the editor and the doctor ask a family's code.ts the same questions of the
// same code. Text whose scan cannot be trusted is refused first, as readableCodeMask refuses it.
import type { CodeFile, HookProject } from '../hooks/types.ts';
import type { Syntax } from '../source-scan.ts';
import { SourceFile } from './file.ts';
import { readableCodeMask } from './text.ts';

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

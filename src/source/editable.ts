// The text the hook editor is editing, as a SourceFile: the model the doctor reads from disk
// (src/source/disk.ts), so the editor and the doctor ask a family's code.ts the same questions of the
// same code. Text whose scan cannot be trusted is refused first, as readableScan refuses it.
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import type { CodeFile, HookProject } from '../hooks/types.ts';
import { CODE, scanSource, type ScanResult, type Syntax } from '../source-scan.ts';
import { SourceFile, syntaxOf } from './file.ts';

/** The last text read, with whether it was checked for an unclosed `{`: find, add and find again read the same text. */
let last: { source: SourceFile; blocks: boolean } | undefined;

/**
 * The SourceFile of a file the editor reads to decide or edit; one-line InputError (naming `field`)
 * when it ends inside a comment, string or heredoc, or with `blocks` inside an unclosed `{`.
 */
export function editableSource(file: CodeFile, syntax: Syntax, field: string, project: HookProject, blocks = false): SourceFile {
  if (last && last.source.path === file.path && last.source.text === file.text && (last.blocks || !blocks)) return last.source;
  const scanned = checkedScan(file, syntax, field, project, blocks);
  // One scan for the check and the SourceFile: the scanner runs mostly unoptimized in a short run.
  last = { source: new SourceFile(file.path, file.text, syntax === syntaxOf(file.path) ? scanned : undefined), blocks };
  return last.source;
}

/**
 * The scan of a file the editor reads to decide or edit, refused (one line, naming `field`) when it
 * ends inside a comment, string or heredoc: then the scanner has misread something, and a hook it
 * "finds" or an edit it places could be inside text. With `blocks` (languages whose hooks are appended
 * at the end of the file), one that ends inside an unclosed `{` is refused too: the hook would be
 * nested in it.
 */
export function readableScan(file: CodeFile, syntax: Syntax, field: string, project: HookProject, blocks = false): Uint8Array {
  return checkedScan(file, syntax, field, project, blocks).kinds;
}

/** readableScan's whole scan, for a SourceFile. */
function checkedScan(file: CodeFile, syntax: Syntax, field: string, project: HookProject, blocks: boolean): ScanResult {
  const scanned = scanSource(file.text, syntax);
  const { kinds, unterminated } = scanned;
  if (unterminated) {
    fail(field, `${relative(project.root, file.path)} ends inside an unclosed comment, string or heredoc, so its code cannot be read reliably; nothing is changed`);
  }
  if (blocks) {
    let depth = 0;
    // From brace to brace (a regex jumps over the rest), counting those in code.
    for (const brace = /[{}]/g; brace.test(file.text); ) if (kinds[brace.lastIndex - 1] === CODE) depth += file.text[brace.lastIndex - 1] === '{' ? 1 : -1;
    if (depth > 0) fail(field, `${relative(project.root, file.path)} ends inside an unclosed { block, so a hook appended to it would be nested in it; nothing is changed`);
  }
  return scanned;
}

// PHP hooks: a global `function name($context)` appended to the handler's file, in PHP mode: before
// the closing ?> tag when the file ends in inline HTML.
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { CODE, QUOTE, SYNTAX } from '../../source-scan.ts';
import { appendBlock } from '../../source/text.ts';
import { editableSource, readableScan } from '../../source/editable.ts';
import { definitionEdits, readDottedHandlerFile, type DefinitionAt } from '../../hooks/dotted.ts';
import { dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { globalFunction, PHP_FILES, readPhpModule } from './code.ts';
import { parsePhpEntries } from './entries.ts';

const PHP = SYNTAX.php;

/** Offset of the hook's global function, as the doctor reads it (src/runtimes/php/code.ts). */
const definition: DefinitionAt = (file, kind, entry, project) =>
  globalFunction(readPhpModule(editableSource(file, PHP, HOOK_FLAGS[kind], project)), dottedFunction(entry))?.offset;

/**
 * Where a top-level function can go: the end of the file when it ends in PHP mode, else just before
 * the last `?>` (what follows it is inline HTML, where a function would be page text served to
 * clients). Refused when that `?>` does not close a complete statement at the top level (inside a
 * block, after `if (...)` without braces, or after an `<?= expression`), where the function would be
 * conditional or a syntax error.
 */
function insertionPoint(file: CodeFile, kind: HookKind, project: HookProject): number {
  const kinds = readableScan(file, PHP, HOOK_FLAGS[kind], project);
  const { text } = file;
  let close = text.length;
  for (let at = text.lastIndexOf('?>'); at !== -1; at = text.lastIndexOf('?>', at - 1)) {
    if (kinds[at] === QUOTE) {
      close = at;
      break;
    }
  }
  // Ends in PHP mode: no `?>`, or an open tag after the last one.
  if (close === text.length || kinds.indexOf(QUOTE, close + 2) !== -1) return text.length;
  let depth = 0;
  let last = ''; // the last token before `close`: a code character, an open tag, or '"' for a string
  for (let i = 0; i < close; i += 1) {
    if (kinds[i] === QUOTE) {
      last = text.startsWith('<?=', i) ? '<?=' : text.startsWith('<?', i) ? '<?' : '"';
      // Skip the rest of this delimiter (a tag, or a string's quote), not a tag right after it.
      while (i + 1 < close && kinds[i + 1] === QUOTE && !text.startsWith('<?', i + 1) && !text.startsWith('?>', i + 1)) i += 1;
    }
    if (kinds[i] !== CODE || /\s/.test(text[i]!)) continue;
    last = text[i]!;
    if (last === '{') depth += 1;
    if (last === '}') depth -= 1;
  }
  if (depth !== 0 || !(last === ';' || last === '}' || last === '<?')) {
    fail(HOOK_FLAGS[kind], `${relative(project.root, file.path)} ends in inline HTML after a ?> that does not close a complete top-level statement, so there is no safe place for the hook function; add it yourself, or end the file in PHP code`);
  }
  return close;
}

const DOC_COMMENT = ['*', '/*', '//', '#'];

export const phpHooks: LanguageHooks = {
  parseEntries: parsePhpEntries,
  code: {
    locate: (project) => readDottedHandlerFile(project, PHP_FILES),
    ...definitionEdits(definition, DOC_COMMENT, '//'),
    add(file, kind, entry, project) {
      const snippet = hookSnippet('php/hooks/hook', kind, dottedFunction(entry), entry);
      const at = insertionPoint(file, kind, project);
      return appendBlock(file.text.slice(0, at), snippet) + file.text.slice(at);
    },
  },
};

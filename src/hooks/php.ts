// PHP hooks: a global `function name($context)` appended to the handler's file (before a closing ?> tag).
import { appendBlock, codeMask, definitionStart, escapeRegExp, firstInCode, lineAt, markOff, unmarkOff } from './source.ts';
import { SYNTAX } from '../source-scan.ts';
import { readDottedHandlerFile } from './dotted.ts';
import { dottedFunction, hookSnippet } from './snippet.ts';
import { HOOK_LABELS, type CodeFile, type LanguageHooks } from './types.ts';

const PHP = SYNTAX.php;

/** The function's definition; PHP function names are case-insensitive. */
function definition(file: CodeFile, entry: string): number | undefined {
  const id = escapeRegExp(dottedFunction(entry));
  return firstInCode(file.text, codeMask(file.text, PHP), [new RegExp(`^[ \\t]*function\\s+&?\\s*${id}\\s*\\(`, 'gmi')]);
}

const DOC_COMMENT = ['*', '/*', '//', '#'];

export const phpHooks: LanguageHooks = {
  families: ['php'],
  code: {
    locate: (project) => readDottedHandlerFile(project, '.php'),
    find(file, _kind, entry) {
      const at = definition(file, entry);
      return at === undefined ? undefined : lineAt(file.text, at);
    },
    add(file, kind, entry) {
      const snippet = hookSnippet('php', kind, dottedFunction(entry), entry);
      const closing = /\?>\s*$/.exec(file.text);
      if (!closing) return appendBlock(file.text, snippet);
      return appendBlock(file.text.slice(0, closing.index), snippet) + file.text.slice(closing.index);
    },
    switchOff(file, kind, entry) {
      const at = definition(file, entry);
      return at === undefined ? file.text : markOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, _kind, entry) {
      const at = definition(file, entry);
      return at === undefined ? file.text : unmarkOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at);
    },
  },
};

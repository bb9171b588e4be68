// Python hooks: a top-level `def name(context):` appended to the handler's module.
import { appendBlock, definitionStart, readableCodeMask, escapeRegExp, firstInCode, lineAt, markOff, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { readDottedHandlerFile } from '../../hooks/dotted.ts';
import { dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';

const PYTHON = SYNTAX.python;

/** A top-level definition or assignment of the name. */
function definition(file: CodeFile, kind: HookKind, entry: string, project: HookProject): number | undefined {
  const id = escapeRegExp(dottedFunction(entry));
  return firstInCode(file.text, readableCodeMask(file, PYTHON, HOOK_FLAGS[kind], project), [
    new RegExp(`^(?:async\\s+)?def\\s+${id}\\s*\\(`, 'gm'),
    new RegExp(`^${id}\\s*(?::[^=\\n]*)?=(?!=)`, 'gm'),
  ]);
}

const DECORATION = ['#', '@'];

export const pythonHooks: LanguageHooks = {
  code: {
    locate: (project) => readDottedHandlerFile(project, '.py'),
    find(file, kind, entry, project) {
      const at = definition(file, kind, entry, project);
      return at === undefined ? undefined : lineAt(file.text, at);
    },
    add(file, kind, entry, project) {
      readableCodeMask(file, PYTHON, HOOK_FLAGS[kind], project); // appended inside an unclosed string, the hook would be text
      return appendBlock(file.text, hookSnippet('python/hooks/hook', kind, dottedFunction(entry), entry), 2);
    },
    switchOff(file, kind, entry, project) {
      const at = definition(file, kind, entry, project);
      return at === undefined ? file.text : markOff(file.text, definitionStart(file.text, at, DECORATION), at, '#', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const at = definition(file, kind, entry, project);
      return at === undefined ? file.text : unmarkOff(file.text, definitionStart(file.text, at, DECORATION), at);
    },
  },
};

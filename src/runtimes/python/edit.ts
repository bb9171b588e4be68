// Python hooks: a top-level `def name(context):` appended to the handler's module.
import { appendBlock, definitionStart, readableCodeMask, lineAt, markOff, readableSource, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { readDottedHandlerFile } from '../../hooks/dotted.ts';
import { dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { PYTHON_FILES, readPythonModule } from './code.ts';

const PYTHON = SYNTAX.python;

/** Offset of the module-level binding of the hook's name (a def, an assignment, an import), as the doctor reads it (src/runtimes/python/code.ts). */
function definition(file: CodeFile, kind: HookKind, entry: string, project: HookProject): number | undefined {
  return readPythonModule(readableSource(file, PYTHON, HOOK_FLAGS[kind], project)).names.get(dottedFunction(entry))?.offset;
}

const DECORATION = ['#', '@'];

export const pythonHooks: LanguageHooks = {
  code: {
    locate: (project) => readDottedHandlerFile(project, PYTHON_FILES),
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

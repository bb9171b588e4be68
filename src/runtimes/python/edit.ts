// Python hooks: a top-level `def name(context):` appended to the handler's module.
import { appendBlock } from '../../source/text.ts';
import { editableSource, readableScan } from '../../source/editable.ts';
import { SYNTAX } from '../../source-scan.ts';
import { definitionEdits, readDottedHandlerFile, type DefinitionAt } from '../../hooks/dotted.ts';
import { dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, type LanguageHooks } from '../../hooks/types.ts';
import { PYTHON_FILES, readPythonModule } from './code.ts';
import { parsePythonEntries } from './entries.ts';

const PYTHON = SYNTAX.python;

/** Offset of the module-level binding of the hook's name (a def, an assignment, an import), as the doctor reads it (src/runtimes/python/code.ts). */
const definition: DefinitionAt = (file, kind, entry, project) =>
  readPythonModule(editableSource(file, PYTHON, HOOK_FLAGS[kind], project)).names.get(dottedFunction(entry))?.offset;

const DECORATION = ['#', '@'];

export const pythonHooks: LanguageHooks = {
  parseEntries: parsePythonEntries,
  code: {
    locate: (project) => readDottedHandlerFile(project, PYTHON_FILES),
    ...definitionEdits(definition, DECORATION, '#'),
    add(file, kind, entry, project) {
      readableScan(file, PYTHON, HOOK_FLAGS[kind], project); // appended inside an unclosed string, the hook would be text
      return appendBlock(file.text, hookSnippet('python/hooks/hook', kind, dottedFunction(entry), entry), 2);
    },
  },
};

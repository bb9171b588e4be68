import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { PYTHON_BUILTINS, PYTHON_STDLIB_MODULES } from './taken-names.ts';
import { pythonRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

// Python 3 keywords (soft keywords match/case/type/_ are legal names) and names that would shadow
// the builtins the generated code relies on.
const PY_RESERVED = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);

export const python = defineRuntime<DottedNames>({
  ...cardFields(family),
  parseEntries(entries) {
    return parseDottedEntries(entries, {
      language: 'Python',
      example: 'index.handler',
      file: /^[A-Za-z_][A-Za-z0-9_]*$/,
      identifier: /^[A-Za-z_][A-Za-z0-9_]*$/,
      reserved: PY_RESERVED,
      fileIsIdentifier: true,
      generatedNames: ['json', 'logging', 'logger', 'resource', 'create_resource', 'get_resource'],
      takenFunctionNames: { names: PYTHON_BUILTINS, what: 'a Python builtin, which the generated code may call' },
      takenFileNames: { names: PYTHON_STDLIB_MODULES, what: 'a module of the Python standard library' },
    });
  },
  files(spec, names) {
    const data = templateData(spec, names);
    return [
      { path: `code/${names.file}.py`, contents: render('python/entry.py', data) },
      { path: 'tests/test_lifecycle.py', contents: render('python/test_lifecycle.py', data) },
    ];
  },
  resource(spec) {
    return { props: { code: './code', handler: spec.handler } };
  },
  readme(_spec, names) {
    return {
      files: [
        { path: `code/${names.file}.py`, about: 'the handler and hooks' },
        { path: 'tests/test_lifecycle.py', about: "plays FC's part with a fake FC context, calling the hooks s.yaml switches on, and an instance with no initializer (`unittest`)" },
      ],
      testCommand: 'python3 -m unittest discover -s tests -v',
    };
  },
  httpTrigger: 'handler',
  recipes: pythonRecipes,
});

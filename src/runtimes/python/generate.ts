import type { DottedNames } from '../../entry.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { parsePythonEntries } from './entries.ts';
import { pythonRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

export const python = defineRuntime<DottedNames>({
  ...cardFields(family),
  parseEntries: parsePythonEntries,
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

import type { DottedNames } from '../../entry.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { parsePhpEntries } from './entries.ts';
import { phpRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

export const php = defineRuntime<DottedNames>({
  ...cardFields(family),
  parseEntries: parsePhpEntries,
  files(spec, names) {
    const data = templateData(spec, names);
    return [
      { path: `code/${names.file}.php`, contents: render('php/entry.php', data) },
      { path: 'tests/lifecycle_test.php', contents: render('php/lifecycle_test.php', data) },
    ];
  },
  resource(spec) {
    return { props: { code: './code', handler: spec.handler } };
  },
  readme(_spec, names) {
    return {
      files: [
        { path: `code/${names.file}.php`, about: 'the handler and hooks' },
        { path: 'tests/lifecycle_test.php', about: "plays FC's part with a fake FC context, calling the hooks s.yaml switches on, and an instance with no initializer (plain `php`)" },
      ],
      testCommand: 'php tests/lifecycle_test.php',
    };
  },
  httpTrigger: 'handler',
  recipes: phpRecipes,
});

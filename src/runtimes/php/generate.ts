import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { PHP_INTERNAL_FUNCTIONS } from './taken-names.ts';
import { phpRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

// PHP reserved keywords (function names are case-insensitive, so these are lower case).
const PHP_RESERVED = new Set(
  ('__halt_compiler abstract and array as break callable case catch class clone const continue declare default ' +
    'die do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final ' +
    'finally fn for foreach function global goto if implements include include_once instanceof insteadof ' +
    'interface isset list match namespace new or print private protected public readonly require require_once ' +
    'return static switch throw trait try unset use var while xor yield').split(' '),
);

export const php = defineRuntime<DottedNames>({
  ...cardFields(family),
  parseEntries(entries) {
    return parseDottedEntries(entries, {
      language: 'PHP',
      example: 'index.handler',
      file: /^[A-Za-z0-9_][A-Za-z0-9_-]*$/,
      identifier: /^[A-Za-z_][A-Za-z0-9_]*$/,
      reserved: PHP_RESERVED,
      fileIsIdentifier: false,
      caseInsensitive: true,
      takenFunctionNames: { names: PHP_INTERNAL_FUNCTIONS, what: 'a function PHP already defines (declaring it again is a fatal error)' },
      generatedNames: [
        'fc_create_resource', 'fc_get_resource', 'fc_log',
        'fc_test_check', 'fc_test_context', 'fc_test_invoke', 'fc_test_parameters', 'fc_test_hooks_in_s_yaml', 'fc_test_new_instance', 'fc_test_lazy_lines',
      ],
    });
  },
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

// The PHP family's entry rules: which `file.function` entries a handler and its hooks may have, and
// the names they give. The generator checks a new project's entries with them, and add (the family's
// edit parts) a hook's entry against an existing project's handler; the build copies this module into
// both files (scripts/build.mjs), so add loads no generator.
import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import type { EntryStrings } from '../types.ts';
import { PHP_INTERNAL_FUNCTIONS } from './taken-names.ts';

// PHP reserved keywords (function names are case-insensitive, so these are lower case).
const PHP_RESERVED = new Set(
  ('__halt_compiler abstract and array as break callable case catch class clone const continue declare default ' +
    'die do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final ' +
    'finally fn for foreach function global goto if implements include include_once instanceof insteadof ' +
    'interface isset list match namespace new or print private protected public readonly require require_once ' +
    'return static switch throw trait try unset use var while xor yield').split(' '),
);

/** Validates `file.function` entries (throws InputError naming the field) and derives the names. */
export function parsePhpEntries(entries: EntryStrings): DottedNames {
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
}

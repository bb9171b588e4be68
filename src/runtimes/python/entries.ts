// The Python family's entry rules: which `file.function` entries a handler and its hooks may have, and
// the names they give. The generator checks a new project's entries with them, and add (the family's
// edit parts) a hook's entry against an existing project's handler; the build copies this module into
// both files (scripts/build.mjs), so add loads no generator.
import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import type { EntryStrings } from '../types.ts';
import { PYTHON_BUILTINS, PYTHON_STDLIB_MODULES } from './taken-names.ts';

// Python 3 keywords (soft keywords match/case/type/_ are legal names) and names that would shadow
// the builtins the generated code relies on.
const PY_RESERVED = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);

/** Validates `file.function` entries (throws InputError naming the field) and derives the names. */
export function parsePythonEntries(entries: EntryStrings): DottedNames {
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
}

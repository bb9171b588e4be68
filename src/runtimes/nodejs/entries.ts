// The Node.js family's entry rules: which `file.function` entries a handler and its hooks may have, and
// the names they give. The generator checks a new project's entries with them, and add (the family's
// edit parts) a hook's entry against an existing project's handler; the build copies this module into
// both files (scripts/build.mjs), so add loads no generator.
import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import type { EntryStrings } from '../types.ts';
import { nodeModuleStyle } from './module-style.ts';
import { NODE_TAKEN_NAMES } from './taken-names.ts';

// ECMAScript reserved words plus the strict-mode and module-code ones (`await`, `let`, `static`, ...).
const JS_RESERVED = new Set(
  ('await break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if implements import in instanceof interface let new null package private protected public ' +
    'return static super switch this throw true try typeof var void while with yield arguments eval').split(' '),
);

export interface NodeNames extends DottedNames {
  style: 'commonjs' | 'esm';
  /** Entry file name with extension, e.g. `index.mjs`. */
  entryFile: string;
}

/** Validates `file.function` entries for `runtime` (throws InputError naming the field) and derives the names. */
export function parseNodejsEntries(entries: EntryStrings, runtime: string): NodeNames {
  const names = parseDottedEntries(entries, {
    language: 'JavaScript',
    example: 'index.handler',
    file: /^[A-Za-z0-9_][A-Za-z0-9_-]*$/,
    identifier: /^[A-Za-z_$][A-Za-z0-9_$]*$/,
    reserved: JS_RESERVED,
    fileIsIdentifier: false,
    generatedNames: ['resource', 'createResource', 'getResource'],
    takenFunctionNames: { names: NODE_TAKEN_NAMES, what: 'a Node.js global or module-scope name (or `then`/`__proto__`, which change how the module loads)' },
  });
  const style = nodeModuleStyle(runtime);
  return { ...names, style, entryFile: `${names.file}.${style === 'esm' ? 'mjs' : 'js'}` };
}

import { parseDottedEntries, type DottedNames } from '../../entry.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { NODE_TAKEN_NAMES } from '../reserved-names.ts';
import { nodeRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { inHandlerFile } from '../../hook-entries.ts';

// ECMAScript reserved words plus the strict-mode and module-code ones (`await`, `let`, `static`, ...).
const JS_RESERVED = new Set(
  ('await break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if implements import in instanceof interface let new null package private protected public ' +
    'return static super switch this throw true try typeof var void while with yield arguments eval').split(' '),
);

/** nodejs16 and older only load CommonJS and need the callback; nodejs18+ get an ES module with async hooks. */
export function nodeModuleStyle(runtime: string): 'commonjs' | 'esm' {
  return Number(runtime.replace('nodejs', '')) >= 18 ? 'esm' : 'commonjs';
}

export interface NodeNames extends DottedNames {
  style: 'commonjs' | 'esm';
  /** Entry file name with extension, e.g. `index.mjs`. */
  entryFile: string;
}

export const nodejs = defineRuntime<NodeNames>({
  family: 'nodejs',
  label: 'Node.js',
  ids: ['nodejs14', 'nodejs16', 'nodejs18', 'nodejs20'],
  defaults: { handler: 'index.handler', initializer: 'index.initialize', preStop: 'index.preStop' },
  placeHook: inHandlerFile,
  parseEntries(entries, runtime) {
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
  },
  files(spec, names) {
    const data = templateData(spec, names);
    return [
      { path: `code/${names.entryFile}`, contents: render(`nodejs/${names.style}/entry`, data) },
      { path: 'test/lifecycle.test.mjs', contents: render('nodejs/lifecycle.test.mjs', data) },
      { path: 'package.json', contents: render('nodejs/package.json', data) },
    ];
  },
  resource(spec) {
    return { props: { code: './code', handler: spec.handler } };
  },
  readme(spec, names) {
    return {
      files: [
        {
          path: `code/${names.entryFile}`,
          about: names.style === 'esm'
            ? 'the handler and hooks as an ES module with async functions (nodejs18 and newer)'
            : 'the handler and hooks in CommonJS with callbacks (nodejs16 and older must call the callback)',
        },
        { path: 'test/lifecycle.test.mjs', about: "plays FC's part with a fake FC context, calling the hooks s.yaml switches on, and an instance with no initializer (`node --test`)" },
        { path: 'package.json', about: 'local scripts only; it is not deployed (code/ is)' },
      ],
      testCommand: 'npm test',
    };
  },
  httpTrigger: 'handler',
  recipes: nodeRecipes,
});

// `import { readFileSync } from 'node:fs'` in an ES module makes Node build an ES module facade of the
// whole built-in (every export of node:fs, node:fs/promises, node:util...): about 2-6 M instructions
// each, some 9 M of a generation's start-up for the four it imports. process.getBuiltinModule (Node
// >= 20.16 and >= 22.3) hands over the built-in itself. Each file of src/ that imports a built-in gets a
// module of its own in place of the specifier, exporting just the names that file imports; older Node
// imports the built-in as before (a top-level await that it alone reaches).
// A built-in that Node has not loaded at start-up (node:fs/promises, node:child_process...) is asked for
// on first use: its functions are exported as functions that call it, its default export as a proxy,
// so that importing one (the writer imports node:fs/promises for existing directories only) costs
// nothing until it is used. node:util's parseArgs loads its module on first access too.
import { readFileSync } from 'node:fs';
import { importedNames } from './imported-names.mjs';

/** Built-ins that Node loads before any user code runs: nothing to save by asking for them later. */
const LOADED_AT_START = new Set(['node:fs', 'node:path']);

export function nodeBuiltinsPlugin({ sourceDir }) {
  return {
    name: 'node-builtins',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, ({ path, importer, namespace, kind }) => {
        if (namespace !== 'file' || kind !== 'import-statement' || !importer.startsWith(sourceDir)) return undefined;
        return { path: `${importer}?${path}`, namespace: 'node-builtin', pluginData: { importer, specifier: path } };
      });
      build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, async ({ pluginData: { importer, specifier } }) => {
        const imported = importedNames(readFileSync(importer, 'utf8'), specifier);
        if (!imported) return { errors: [{ text: `${importer}: import from '${specifier}' only as \`import a, { b, c } from '${specifier}'\`` }] };
        const get = JSON.stringify(specifier);
        if (LOADED_AT_START.has(specifier)) {
          return {
            contents: [
              `const builtin = globalThis.process.getBuiltinModule?.(${get}) ?? (await import(${get})).default;`,
              ...(imported.takesDefault ? ['export default builtin;'] : []),
              ...imported.names.map((name) => `export const ${name} = builtin.${name};`),
            ].join('\n'),
            loader: 'js',
          };
        }
        const here = await import(specifier);
        return {
          contents: [
            `const loaded = globalThis.process.getBuiltinModule ? undefined : (await import(${get})).default;`,
            'let cached;',
            `const builtin = () => (cached ??= loaded ?? globalThis.process.getBuiltinModule(${get}));`,
            ...(imported.takesDefault ? ['export default new Proxy({}, { get: (_, key) => builtin()[key] });'] : []),
            ...imported.names.map((name) => (typeof here[name] === 'function'
              ? `export function ${name}(...args) { return builtin().${name}(...args); }`
              : `export const ${name} = builtin().${name};`)),
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

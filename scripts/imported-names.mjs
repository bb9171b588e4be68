// What a module imports from one specifier, read from its source for the build plugins that give each
// importing file a module of its own (yaml's names in build.mjs, Node's built-ins in
// node-builtins-plugin.mjs): only the forms `import a, { b, c as d, type E } from '<specifier>'` and
// `import type { ... }` are understood, and any other import of the specifier makes the answer undefined.

const IMPORT = /import\s+(type\s+)?(?:([\w$]+)\s*,?\s*)?(\{[^}]*\})?\s*from\s*'([^']+)'/g;

/** The names `source` imports from `specifier` (types left out), and whether it takes the default export. */
export function importedNames(source, specifier) {
  const statements = [...source.matchAll(IMPORT)].filter((match) => match[4] === specifier);
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const written = source.match(new RegExp(`from\\s*'${quoted}'`, 'g'))?.length ?? 0;
  if (statements.length !== written) return undefined;
  const names = new Set();
  let takesDefault = false;
  for (const [, typeOnly, defaultName, list] of statements) {
    if (typeOnly) continue;
    if (defaultName) takesDefault = true;
    for (const item of (list ?? '{}').slice(1, -1).split(',')) {
      const name = item.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  return { names: [...names], takesDefault };
}

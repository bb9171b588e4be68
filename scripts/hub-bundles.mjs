// Splits the bundle the way a run loads it, which esbuild's own code splitting does not do.
//
// esbuild gives every set of entry points (the `import()`ed modules count as entry points) that share
// modules a chunk of its own, whether or not one of them is always loaded before the others: the CLI,
// the API and the lazy parts (commands, each family's editor, doctor and runner, each template folder)
// made about 80 chunks, and a generation loaded 17 of them. Node 20 spends about half a millisecond on
// every module file before running a line of it, so a generation paid more for its files than
// create-vite pays for its whole run.
//
// Here every module has one owner, and each owner is one file:
// - the hub (dist/cli.js): everything the CLI entry imports statically, loaded by every run;
// - each lazy root (an `import()` target, and the API entry): the modules only it reaches;
// - the shared file (chunks/shared.js): modules that two or more lazy roots reach and the hub does not,
//   except what a root of `hubShares` (each family's generator) shares, which stays in the hub; and each
//   `absorbed` root with the modules only it reaches: a small command that always loads the shared file
//   is loaded with it, one file instead of two (Node 20 spends about a millisecond on a module file), and
//   the shared file exports its names itself, so its `import()` resolves to the shared file.
// A module that another file owns is imported from that file, which exports each module it owns as a
// namespace (`__m<N>`); an `import()` of another root loads that root's file. A generation loads the hub,
// its family's generator and the template folders it renders (4 files instead of 17), doctor 4 and remove
// 3 instead of 25, and no module of ours that holds state is loaded twice in a run (one InputError
// class, one lock registry), which a build of one self-contained bundle per command could not promise.
//
// Limits, checked or stated:
// - an owner's modules are bound by value (`const _0 = __m3.a`), so a module that others import from
//   must not export a `let` or `var` (checked: the build fails);
// - a namespace keeps every export of its module, so the hub is not tree-shaken across files;
// - a CommonJS module, and what it reaches, is copied into each file that uses it (only the prompt
//   library's stateless helpers are CommonJS), and a group with `copy` is copied into each of its roots:
//   the prompt library, in the two prompting modules, which no run loads together; a family's entry
//   rules, in its generator and its parts, which only the API (plop) loads together, and which hold no
//   state (names, patterns and functions), so two copies answer alike.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const HUB = 'hub';
const SHARED = 'shared';

/** esbuild's metafile of `options` built in memory, nothing written. */
async function metafileOf(options) {
  return (await build({ ...options, splitting: true, outdir: 'out', write: false, metafile: true, minify: false })).metafile;
}

/** The module graph: every input's static and dynamic imports, as esbuild resolves them. */
async function discover(options) {
  const graph = new Map();
  for (const [key, input] of Object.entries((await metafileOf(options)).inputs)) {
    graph.set(key, {
      format: input.format,
      statics: input.imports.filter((item) => !item.external && item.kind !== 'dynamic-import').map((item) => ({ path: item.path, kind: item.kind })),
      dynamics: input.imports.filter((item) => !item.external && item.kind === 'dynamic-import').map((item) => item.path),
    });
  }
  return graph;
}

/** `from` and every module it reaches through static imports (require() included), not going past `stops`. */
function closure(graph, from, stops = new Set()) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || (key !== from && stops.has(key))) return;
    seen.add(key);
    for (const item of graph.get(key).statics) visit(item.path);
  };
  visit(from);
  return seen;
}

/** CommonJS modules, and what they reach: copied into every file that uses them. */
function copiedModules(graph) {
  const copied = new Set();
  for (const [key, node] of graph) if (node.format === 'cjs') for (const reached of closure(graph, key)) copied.add(reached);
  return copied;
}

/**
 * Owner of every module: HUB, a shared group, or the key of the one lazy root that reaches it.
 * `hubEntries` are the modules the CLI's entry loads (their static imports with them), `roots` the other
 * entry points (the API); every `import()` target is a root too, and owns itself even where another
 * root imports it statically (that root imports it from its file: a root's reach stops at other roots).
 * A module two or more roots reach is copied into each of them when the first of `groups` ({ name,
 * roots, copy }) whose roots include all of them has `copy`; else it goes to the hub when one of them is
 * in `hubShares` (roots a run loads on top of the hub alone), else to that group, else to SHARED. An
 * `absorbed` root, and every module it would own, goes to SHARED.
 */
function assignOwners(graph, { hubEntries, roots, groups = [], hubShares = [], absorbed = [] }) {
  const copied = copiedModules(graph);
  const hub = new Set(hubEntries.flatMap((entry) => [...closure(graph, entry)]));
  const lazyRoots = new Set(roots);
  for (const node of graph.values()) for (const target of node.dynamics) lazyRoots.add(target);
  const reachedBy = new Map();
  for (const root of lazyRoots) {
    for (const key of closure(graph, root, lazyRoots)) {
      if (hub.has(key) || copied.has(key)) continue;
      if (!reachedBy.has(key)) reachedBy.set(key, new Set());
      reachedBy.get(key).add(root);
    }
  }
  const owners = new Map();
  for (const key of hub) if (!copied.has(key)) owners.set(key, HUB);
  for (const [key, users] of reachedBy) {
    const group = groups.find((candidate) => [...users].every((user) => candidate.roots.includes(user)));
    if (users.size > 1 && group?.copy) {
      copied.add(key);
      continue;
    }
    if (users.size > 1 && [...users].some((user) => hubShares.includes(user))) {
      owners.set(key, HUB);
      continue;
    }
    owners.set(key, users.size === 1 ? [...users][0] : (group?.name ?? SHARED));
  }
  // An absorbed root and what only it reaches go to the shared file.
  for (const [key, owner] of owners) if (absorbed.includes(owner)) owners.set(key, SHARED);
  return { owners, copied };
}

/** Whether the file of `owner` holds a CommonJS module: its own modules and the copies they reach. */
function bundlesCommonJs(graph, owners, copied, owner) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (copied.has(key) && graph.get(key).format === 'cjs') return true;
    return graph.get(key).statics.some(({ path }) => (copied.has(path) || owners.get(path) === owner) && visit(path));
  };
  return [...owners].some(([key, candidate]) => candidate === owner && visit(key));
}

/** Where each file goes: the hub and the API at the top of dist/, the others in chunks/. */
function fileNameOf(owner, { hubFile, rootFiles }) {
  if (owner === HUB) return hubFile;
  if (rootFiles[owner]) return rootFiles[owner];
  const name = owner.replace(/^src\//, '').replace(/^fc-templates:virtual:fc-templates/, 'templates').replace(/\.[tj]s$/, '').replace(/[^\w-]+/g, '-');
  return `chunks/${name}.js`;
}

function specifier(fromFile, toFile) {
  const path = relative(dirname(`/${fromFile}`), `/${toFile}`);
  return path.startsWith('.') ? path : `./${path}`;
}

/** The key esbuild's metafile gives a resolved module. */
function keyOf(cwd, resolved) {
  return resolved.namespace === 'file' ? relative(cwd, resolved.path) : `${resolved.namespace}:${resolved.path}`;
}

/** A key back to what onResolve returns for it. */
function resolvedOf(cwd, key) {
  const namespace = /^([\w-]+):(.*)$/.exec(key);
  if (!namespace || namespace[1].length === 1) return { path: resolve(cwd, key) };
  if (namespace[1] !== 'fc-templates') throw new Error(`hub-bundles: cannot refer to ${key} from another file`);
  return { path: namespace[2], namespace: namespace[1] };
}

/** The names each module exports, for the modules other files import from their owner. */
async function exportNames(options, cwd, keys) {
  const owned = { name: 'owned', setup: (pluginBuild) => pluginBuild.onResolve({ filter: /^owned:/ }, ({ path }) => resolvedOf(cwd, path.slice('owned:'.length))) };
  const { outputs } = await metafileOf({ ...options, entryPoints: keys.map((key) => `owned:${key}`), plugins: [owned, ...options.plugins] });
  const names = new Map();
  for (const output of Object.values(outputs)) if (output.entryPoint) names.set(output.entryPoint, output.exports);
  for (const key of keys) if (!names.has(key)) throw new Error(`hub-bundles: no exports found for ${key}`);
  return names;
}

/**
 * Builds `options` (esbuild options with bundle, format esm, plugins) into `outdir` as described above.
 * `hubEntries[0]` is the CLI entry (dist/<hubFile>); `rootFiles` names the files of other entries;
 * `hubShares` lists the lazy roots whose modules shared with another root stay in the hub (see assignOwners);
 * `absorbed` lists lazy roots bundled into the shared file, which exports their names (they must differ
 * from each other's); `cjsBanner` (esbuild's banner option) heads only the files that hold CommonJS modules.
 */
export async function buildHubBundles(options, { outdir, hubEntries, hubFile, rootFiles, groups, hubShares, absorbed = [], cjsBanner }) {
  const cwd = options.absWorkingDir ?? process.cwd();
  const graph = await discover({ ...options, entryPoints: [...hubEntries, ...Object.keys(rootFiles)] });
  const { owners, copied } = assignOwners(graph, { hubEntries, roots: Object.keys(rootFiles), groups, hubShares, absorbed });
  const files = new Map(); // owner -> file name
  for (const owner of new Set(owners.values())) files.set(owner, fileNameOf(owner, { hubFile, rootFiles }));
  const fileNames = [...files.values()];
  const clash = fileNames.find((name, index) => fileNames.indexOf(name) !== index);
  if (clash) throw new Error(`hub-bundles: two owners would be written to ${clash}`);

  // Modules imported from a file that is not their owner's (each file exports them as __m<N>).
  const crossImported = new Set();
  for (const [key, node] of graph) {
    if (copied.has(key)) {
      // A copy is built into other files than its imports' owners (an entry rule's name list, in the hub).
      for (const { path } of node.statics) if (!copied.has(path)) crossImported.add(path);
      continue;
    }
    for (const { path } of node.statics) {
      if (copied.has(path) || owners.get(path) === owners.get(key)) continue;
      // A hub module that `hubShares` put there must not make every run load a root's file.
      if (owners.get(key) === HUB) throw new Error(`hub-bundles: ${key} is in the hub but imports ${path} (of ${owners.get(path)}) statically`);
      crossImported.add(path);
    }
    for (const path of node.dynamics) if (owners.get(path) !== path && !absorbed.includes(path)) crossImported.add(path);
  }
  for (const key of crossImported) {
    if (owners.get(key) !== HUB && owners.get(key) !== SHARED && owners.get(key) !== key && !groups.some((group) => group.name === owners.get(key))) {
      throw new Error(`hub-bundles: ${key} is imported statically from outside its root ${owners.get(key)}`);
    }
    if (!key.includes(':') && /^export\s+(let|var)\b/m.test(readFileSync(resolve(cwd, key), 'utf8'))) {
      throw new Error(`hub-bundles: ${key} exports a variable that other files would read by value`);
    }
  }
  const shared = [...crossImported].sort();
  const rootsWithFiles = [...files.keys()].filter((owner) => owner !== HUB && owner !== SHARED && !groups.some((group) => group.name === owner));
  const names = await exportNames(options, cwd, [...new Set([...shared, ...rootsWithFiles, ...absorbed])]);
  const absorbedNames = absorbed.flatMap((key) => names.get(key));
  const clashingName = absorbedNames.find((name, index) => name === 'default' || name.startsWith('__m') || absorbedNames.indexOf(name) !== index);
  if (clashingName) throw new Error(`hub-bundles: an absorbed root exports "${clashingName}", which the shared file cannot export for it (default, __m<N>, or another absorbed root's name)`);
  const namespaceOf = new Map(shared.map((key, index) => [key, `__m${index}`]));

  const INNER = 'hub-bundles-inner';
  const buildFile = (owner) => {
    const file = files.get(owner);
    const entryLines = [
      ...(owner === HUB ? [`export * from 'owned:${hubEntries[0]}';`, ...hubEntries.slice(1).map((key) => `import 'owned:${key}';`)] : []),
      ...(rootsWithFiles.includes(owner) ? [`export * from 'owned:${owner}';`] : []),
      ...(rootsWithFiles.includes(owner) && names.get(owner).includes('default') ? [`export { default } from 'owned:${owner}';`] : []),
      ...shared.filter((key) => owners.get(key) === owner).map((key) => `export * as ${namespaceOf.get(key)} from 'owned:${key}';`),
      ...(owner === SHARED ? absorbed.map((key) => `export * from 'owned:${key}';`) : []),
    ];
    const plugin = {
      name: 'hub-bundles',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^hub-entry$/ }, () => ({ path: owner, namespace: 'hub-entry' }));
        pluginBuild.onResolve({ filter: /^owned:/ }, ({ path }) => resolvedOf(cwd, path.slice('owned:'.length)));
        pluginBuild.onResolve({ filter: /^file-of:/ }, ({ path }) => ({ path: specifier(file, files.get(path.slice('file-of:'.length))), external: true }));
        pluginBuild.onResolve({ filter: /.*/ }, async ({ path, pluginData, ...args }) => {
          if (pluginData === INNER || pluginData === 'package-side-effects' || args.namespace === 'hub-entry' || args.namespace === 'owned-ref') return undefined;
          const resolved = await pluginBuild.resolve(path, { ...args, pluginData: INNER });
          if (resolved.errors.length > 0 || resolved.external) return resolved;
          const key = keyOf(cwd, resolved);
          const target = owners.get(key);
          if (copied.has(key) || target === owner || target === undefined) return resolved;
          if (args.kind === 'dynamic-import' && target === key) return { path: specifier(file, files.get(key)), external: true };
          if (args.kind === 'dynamic-import' && absorbed.includes(key)) return { path: specifier(file, files.get(SHARED)), external: true };
          return { path: key, namespace: 'owned-ref', pluginData: target };
        });
        pluginBuild.onLoad({ filter: /.*/, namespace: 'hub-entry' }, () => ({ contents: entryLines.join('\n'), loader: 'js', resolveDir: cwd }));
        pluginBuild.onLoad({ filter: /.*/, namespace: 'owned-ref' }, ({ path: key, pluginData: target }) => {
          const exported = names.get(key);
          return {
            contents: [
              `import { ${namespaceOf.get(key)} as ns } from 'file-of:${target}';`,
              ...exported.map((name, index) => `const _${index} = ns[${JSON.stringify(name)}];`),
              `export { ${exported.map((name, index) => `_${index} as ${JSON.stringify(name)}`).join(', ')} };`,
            ].join('\n'),
            loader: 'js',
            resolveDir: cwd,
          };
        });
      },
    };
    const banner = bundlesCommonJs(graph, owners, copied, owner) ? { banner: cjsBanner } : {};
    return build({ ...options, ...banner, entryPoints: ['hub-entry'], outfile: join(outdir, file), splitting: false, plugins: [plugin, ...options.plugins] });
  };
  await Promise.all([...files.keys()].map(buildFile));
}

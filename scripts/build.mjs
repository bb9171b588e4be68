// Bundles the CLI and the programmatic API into dist/ with every library and template inlined,
// so the published package has no runtime dependencies (the create-vite model).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildHubBundles } from './hub-bundles.mjs';
import { importedNames } from './imported-names.mjs';
import { esbuildTemplatesPlugin } from './templates-module.mjs';
import { nodeBuiltinsPlugin } from './node-builtins-plugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

/**
 * tsc declares every module the program reaches, `import()`ed ones included (the families' editor,
 * doctor and runner parts): about 135 files, most of which no declaration of the API names. Keeps the
 * ones `entry` reaches through its declarations' imports, and deletes the rest (each file costs an
 * installed block).
 */
function keepReachableDeclarations(dir, entry) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(resolve(dirname(file), specifier.replace(/\.[jt]s$/, '.d.ts')));
    }
  };
  visit(join(dir, entry));
  // Deletes what is not reached, then folders left empty (children first).
  const prune = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) prune(path);
      else if (!reached.has(path)) rmSync(path);
    }
    if (folder !== dir && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  };
  prune(dir);
}

/**
 * Packages built by tshy (every @inquirer/* one) declare `"sideEffects": false` in their package.json
 * but ship a nested dist/esm/package.json without it, which is the one esbuild reads. Without the flag
 * `import { input } from '@inquirer/prompts'` keeps every prompt, including the editor prompt and its
 * iconv-lite (the prompts chunk was 600 KB instead of 60 KB). This honours the flag of the package root.
 */
function packageSideEffectsPlugin() {
  const owners = new Map(); // directory -> sideEffects of the package.json with a "name" above it
  const sideEffectsOf = (dir) => {
    if (!owners.has(dir)) {
      let pkg = {};
      try {
        pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {}
      owners.set(dir, pkg.name !== undefined || dirname(dir) === dir ? pkg.sideEffects : sideEffectsOf(dirname(dir)));
    }
    return owners.get(dir);
  };
  return {
    name: 'package-side-effects',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async ({ path, pluginData, ...args }) => {
        if (pluginData === 'package-side-effects') return undefined;
        const result = await build.resolve(path, { ...args, pluginData: 'package-side-effects' });
        if (result.errors.length > 0 || !/[\\/]node_modules[\\/]/.test(result.path)) return result;
        return sideEffectsOf(dirname(result.path)) === false ? { ...result, sideEffects: false } : result;
      });
    },
  };
}

/**
 * yaml's "node" export is a CommonJS build that esbuild cannot tree-shake (115 KB, about 10 ms to
 * load); its ES module build is the same code without Node's process.emitWarning and Buffer, which only
 * warnings and binary tags use.
 *
 * Each file that imports `yaml` gets a module of its own instead of yaml's index: one that re-exports
 * just the names that file imports, from the files of yaml that define them. With code splitting,
 * esbuild gives an entry point every file reachable through the imports of the files it loads, used
 * or not (tree shaking and `sideEffects: false` only remove code, they do not move a file out of a
 * chunk): through the index, the create path would load yaml's parser, which only add, remove and
 * doctor use, in the same 98 KB chunk.
 */
function yamlEsmPlugin() {
  let definitions; // exported name -> its `export { ... } from` line, read from yaml's index
  const definitionsOf = (index) => {
    const found = new Map();
    for (const [, list, file] of readFileSync(index, 'utf8').matchAll(/export \{([^}]*)\} from '([^']+)';/g)) {
      for (const item of list.split(',')) {
        const [local, name = local] = item.trim().split(/\s+as\s+/);
        found.set(name, `export { ${local === name ? name : `${local} as ${name}`} } from '${file}';`);
      }
    }
    return found;
  };
  return {
    name: 'yaml-esm',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, async ({ importer, kind, resolveDir }) => {
        const pkg = await build.resolve('yaml/package.json', { kind, resolveDir });
        return { path: importer, namespace: 'yaml-names', pluginData: join(dirname(pkg.path), 'browser/dist') };
      });
      build.onLoad({ filter: /.*/, namespace: 'yaml-names' }, ({ path: importer, pluginData: yamlDist }) => {
        definitions ??= definitionsOf(join(yamlDist, 'index.js'));
        const source = readFileSync(importer, 'utf8');
        const imported = importedNames(source, 'yaml');
        if (!imported || imported.takesDefault) {
          return { errors: [{ text: `${importer}: import from 'yaml' only as \`import { a, b } from 'yaml'\`` }] };
        }
        const { names } = imported;
        const missing = names.filter((name) => !definitions.has(name));
        if (missing.length > 0) return { errors: [{ text: `${importer}: yaml's index does not re-export ${missing.join(', ')}` }] };
        return { contents: [...new Set(names.map((name) => definitions.get(name)))].join('\n'), loader: 'js', resolveDir: yamlDist };
      });
    },
  };
}

// Built beside dist/ and swapped in with renames: every test run packs the package (prepack builds),
// so a concurrent `npm pack` must never see a half-written dist/.
const staging = `${dist}-build-${process.pid}`;
/** The runtime families: the folders of src/runtimes/. */
const families = readdirSync(join(root, 'src', 'runtimes'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const old = `${dist}-old-${process.pid}`;
try {
  await buildHubBundles({
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'external',
    absWorkingDir: root,
    plugins: [esbuildTemplatesPlugin(), yamlEsmPlugin(), nodeBuiltinsPlugin({ sourceDir: join(root, 'src') }), packageSideEffectsPlugin()],
    logLevel: 'warning',
  }, {
    outdir: staging,
    // The CLI's files: what every run loads, and the template runtime, which every template folder uses.
    hubEntries: ['src/cli/run.ts', 'src/template-runtime.ts'],
    hubFile: 'cli.js',
    rootFiles: { 'src/index.ts': 'index.js' },
    groups: [
      // The prompt library, in each of the two prompting modules: a run loads one of them (a new project's
      // questions, or add/remove's), and an owner's namespace would keep every prompt of the library.
      { name: 'prompt-library', roots: ['src/cli/prompts.ts', 'src/cli/hook-prompts.ts'], copy: true },
      // The runner's own modules (src/run/*: the child process, the HTTP server, the bootstrap), which
      // `run` and each family's runner share: in a file of their own, not in chunks/shared.js, which add,
      // remove and doctor load (12.6 KB they compiled for nothing).
      { name: 'runner', roots: ['src/run/command.ts', ...families.map((family) => `src/runtimes/${family}/run.ts`)] },
      // A family's entry rules (src/runtimes/<family>/entries.ts), in both its generator and its parts:
      // add checks entries with them and so loads no generator (one file fewer, about a millisecond).
      ...families.map((family) => ({ name: `${family}-entries`, roots: [`src/runtimes/${family}/generate.ts`, `src/runtimes/${family}/parts.ts`], copy: true })),
    ],
    // Each family's generator (src/runtimes/<family>/generate.ts), which a generation loads on top of the
    // hub: what one shares with another root (another generator, a family's parts, the API) stays in the
    // hub, so that a generation loads no chunks/shared.js.
    hubShares: families.map((family) => `src/runtimes/${family}/generate.ts`),
    // add and remove, small and never loaded without chunks/shared.js: built into it, so that each loads
    // one file fewer (about a millisecond on Node 20); doctor and run compile their 6 KB for nothing.
    absorbed: ['src/cli/add.ts', 'src/cli/remove.ts'],
    // Some bundled CommonJS dependencies (the prompt library's) call require() for Node built-ins; only
    // the files that hold them get it (node:module costs a generation about 4 M instructions), made on
    // first use.
    cjsBanner: { js: "import { createRequire as __cr } from 'node:module'; let __rq; const require = (...args) => (__rq ??= __cr(import.meta.url))(...args);" },
  });
  // The API's type declarations (package.json "types"): dist/types, from src/index.ts and what it imports.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', new URL('../tsconfig.types.json', import.meta.url).pathname, '--outDir', join(staging, 'types')], { stdio: 'inherit' });
  keepReachableDeclarations(join(staging, 'types'), 'index.d.ts');
  // Another build may swap its dist/ in between the two renames: then move that one aside too.
  for (;;) {
    rmSync(old, { recursive: true, force: true });
    try {
      renameSync(dist, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      renameSync(staging, dist);
      break;
    } catch (error) {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    }
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

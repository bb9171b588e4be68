// Turns the files under templates/ into ES modules of templates compiled to plain functions: one module per
// group (`virtual:fc-templates/<group>`), imported on demand through the index module
// `virtual:fc-templates`, so a bundle loads only the groups a run renders (one chunk per group).
// The same functions back the esbuild plugin (the published bundle) and the Vite plugin (vitest),
// so tests render exactly what users get, and the package needs no template files or compiler at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate } from './template-compiler.mjs';

const TEMPLATES_MODULE_ID = 'virtual:fc-templates';
const templatesDir = fileURLToPath(new URL('../templates', import.meta.url));
const templateRuntime = fileURLToPath(new URL('../src/template-runtime.ts', import.meta.url));
/** `virtual:fc-templates` (the index) or `virtual:fc-templates/<group>`. */
const MODULE_ID = /^virtual:fc-templates(?:\/([^/]+(?:\/[^/]+)?))?$/;
/**
 * Subfolders of a family's templates that only one command or option renders: each is a group of its
 * own (`nodejs/hooks`), so generating a project does not load the hook editor's snippets, the runner's
 * bootstraps or the recipes it was not asked for.
 */
const OWN_GROUPS = ['hooks', 'run', 'recipes'];

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

const folders = (dir) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** The groups, sorted: each top-level folder of templates/, and each of its OWN_GROUPS subfolders (`<folder>/<sub>`). */
function templateGroups() {
  return folders(templatesDir).flatMap((top) => [top, ...folders(join(templatesDir, top)).filter((sub) => OWN_GROUPS.includes(sub)).map((sub) => `${top}/${sub}`)]).sort();
}

/** Every template file's path in one group (a top-level group without its own-group subfolders), so watchers can track them. */
function templateFiles(group) {
  const own = group.includes('/') ? [] : OWN_GROUPS.map((sub) => join(templatesDir, group, sub) + sep);
  return listFiles(join(templatesDir, group)).filter((file) => file.endsWith('.hbs') && !own.some((dir) => file.startsWith(dir))).sort();
}

/**
 * Source of `virtual:fc-templates`: one loader per group. Each loader's `import()` names its module
 * literally, so esbuild splits every group into a chunk of its own.
 */
function templatesIndexSource() {
  return [
    'export const groups = {',
    ...templateGroups().map((group) => `  ${JSON.stringify(group)}: () => import(${JSON.stringify(`${TEMPLATES_MODULE_ID}/${group}`)}),`),
    '};',
    '',
  ].join('\n');
}

/**
 * Source of `virtual:fc-templates/<group>`: `export default { "<group>/<file>": template }`, keyed by
 * the path under templates/ without the `.hbs` suffix, each template a plain function (see
 * template-compiler.mjs: Handlebars' `strict` and `noEscape`, without its runtime).
 */
function templatesGroupSource(group) {
  const entries = templateFiles(group).map((file) => {
    const key = relative(templatesDir, file).split(sep).join('/').replace(/\.hbs$/, '');
    return `  ${JSON.stringify(key)}: ${compileTemplate(readFileSync(file, 'utf8'), key)},`;
  });
  return [
    `import { each, helpers, lookup, out, truthy } from ${JSON.stringify(templateRuntime)};`,
    'export default {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

/** Whether `id` names the index or the module of a folder that exists. */
function isTemplatesModule(id) {
  const match = MODULE_ID.exec(id);
  return match !== null && (match[1] === undefined || templateGroups().includes(match[1]));
}

/** Source of a module id (see isTemplatesModule), and the template files it is built from. */
function moduleFor(id) {
  const group = MODULE_ID.exec(id)[1];
  return group === undefined ? { source: templatesIndexSource(), files: [] } : { source: templatesGroupSource(group), files: templateFiles(group) };
}

/** esbuild plugin. */
export function esbuildTemplatesPlugin() {
  return {
    name: 'fc-templates',
    setup(build) {
      build.onResolve({ filter: MODULE_ID }, ({ path }) =>
        isTemplatesModule(path) ? { path, namespace: 'fc-templates' } : { errors: [{ text: `${path}: templates/ has no such folder` }] });
      build.onLoad({ filter: /.*/, namespace: 'fc-templates' }, ({ path }) => {
        const { source, files } = moduleFor(path);
        return { contents: source, loader: 'js', resolveDir: templatesDir, watchFiles: files };
      });
    },
  };
}

/** Vite plugin (used by vitest). */
export function viteTemplatesPlugin() {
  return {
    name: 'fc-templates',
    resolveId(id) {
      return isTemplatesModule(id) ? '\0' + id : undefined;
    },
    load(id) {
      if (!id.startsWith('\0') || !isTemplatesModule(id.slice(1))) return undefined;
      const { source, files } = moduleFor(id.slice(1));
      for (const file of files) this.addWatchFile(file);
      return source;
    },
  };
}

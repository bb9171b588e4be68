// Turns every file under templates/ into one ES module of precompiled Handlebars templates.
// The same function backs the esbuild plugin (the published bundle) and the Vite plugin (vitest),
// so tests render exactly what users get, and the package needs no template files or compiler at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_MODULE_ID = 'virtual:fc-templates';
export const templatesDir = fileURLToPath(new URL('../templates', import.meta.url));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Every template file's path, so watchers can track them. */
export function templateFiles() {
  return listFiles(templatesDir).filter((file) => file.endsWith('.hbs')).sort();
}

/**
 * Source of the virtual module: `export default { "<runtime>/<file>": template }`, keyed by the path
 * under templates/ without the `.hbs` suffix. `strict` makes a template that names a missing variable
 * throw instead of printing nothing; `noEscape` because the output is code, not HTML.
 */
export function templatesModuleSource() {
  const entries = templateFiles().map((file) => {
    const key = relative(templatesDir, file).split(sep).join('/').replace(/\.hbs$/, '');
    const spec = Handlebars.precompile(readFileSync(file, 'utf8'), { noEscape: true, strict: true });
    return `  ${JSON.stringify(key)}: Handlebars.template(${spec}),`;
  });
  return [
    "import Handlebars from 'handlebars/runtime.js';",
    'export const runtime = Handlebars;',
    'export default {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

/** esbuild plugin. */
export function esbuildTemplatesPlugin() {
  return {
    name: 'fc-templates',
    setup(build) {
      build.onResolve({ filter: /^virtual:fc-templates$/ }, () => ({ path: TEMPLATES_MODULE_ID, namespace: 'fc-templates' }));
      build.onLoad({ filter: /.*/, namespace: 'fc-templates' }, () => ({
        contents: templatesModuleSource(),
        loader: 'js',
        resolveDir: templatesDir,
        watchFiles: templateFiles(),
      }));
    },
  };
}

/** Vite plugin (used by vitest). */
export function viteTemplatesPlugin() {
  const resolved = '\0' + TEMPLATES_MODULE_ID;
  return {
    name: 'fc-templates',
    resolveId(id) {
      return id === TEMPLATES_MODULE_ID ? resolved : undefined;
    },
    load(id) {
      if (id !== resolved) return undefined;
      for (const file of templateFiles()) this.addWatchFile(file);
      return templatesModuleSource();
    },
  };
}

// Node.js hooks in a hand-written handler file: CommonJS gets a callback function on module.exports
// (valid on every Node.js runtime), an ES module gets an exported async function (nodejs18 and newer).
import { join, relative } from 'node:path';
import { fail } from '../../errors.ts';
import { nodeModuleStyle } from './generate.ts';
import { appendBlock, definitionStart, lineAt, markOff, readableSource, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { handlerFiles, requireCodeDir } from '../../hooks/dotted.ts';
import { readCodeFile, scanCodeFile } from '../../hooks/project.ts';
import { dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { NODE_FILES, readModule, type JsModule, type ModuleStyle } from './code.ts';

const JS = SYNTAX.javascript;

async function moduleStyle(project: HookProject, path: string, codeDir: string): Promise<ModuleStyle> {
  if (path.endsWith('.mjs')) return 'esm';
  if (path.endsWith('.cjs')) return 'commonjs';
  const pkg = await scanCodeFile(project, join(codeDir, 'package.json')).then((file) => JSON.parse(file.text), () => undefined);
  return pkg?.type === 'module' ? 'esm' : 'commonjs';
}

/** The handler's module as the doctor reads it (src/runtimes/nodejs/code.ts), after the editor's refusals of unreadable code. */
function moduleOf(file: CodeFile, kind: HookKind, project: HookProject): JsModule {
  return readModule(readableSource(file, JS, HOOK_FLAGS[kind], project, true));
}

/**
 * Where the hook `name` is, when the module exports it in its own module system: its top-level
 * declaration when it has one, else the statement that exports it.
 */
function exportedAt(module: JsModule, name: string, style: ModuleStyle): number | undefined {
  const exported = module.exports.get(name);
  return exported?.style === style ? (module.declarations.get(name) ?? exported.statement) : undefined;
}

/** Where the function `name` is, for its switched-off comment: its top-level declaration, else its export. */
function definitionAt(module: JsModule, name: string, style: ModuleStyle): number | undefined {
  return module.declarations.get(name) ?? exportedAt(module, name, style);
}

function style(file: CodeFile): ModuleStyle {
  return file.style === 'esm' ? 'esm' : 'commonjs';
}

export const nodejsHooks: LanguageHooks = {
  code: {
    async locate(project) {
      const codeDir = requireCodeDir(project);
      const { candidates, found } = handlerFiles(project, NODE_FILES);
      const shown = relative(project.root, candidates[0]!).replace(/\.js$/, '');
      if (found.length === 0) fail('handler', `s.yaml's handler ${project.handler} needs ${shown}.js, .mjs or .cjs, and none exists`);
      if (found.length > 1) fail('handler', `${found.map((path) => relative(project.root, path)).join(' and ')} both exist; keep the one FC should load`);
      const path = found[0]!;
      const moduleKind = await moduleStyle(project, path, codeDir);
      if (moduleKind === 'esm' && nodeModuleStyle(project.runtime) === 'commonjs') {
        fail('runtime', `${project.runtime} loads CommonJS only, but ${relative(project.root, path)} is an ES module; use nodejs18 or newer, or CommonJS`);
      }
      return { ...(await readCodeFile(project, path)), style: moduleKind };
    },
    find(file, kind, entry, project) {
      const at = exportedAt(moduleOf(file, kind, project), dottedFunction(entry), style(file));
      return at === undefined ? undefined : lineAt(file.text, at);
    },
    add(file, kind, entry, project) {
      const name = dottedFunction(entry);
      const declared = moduleOf(file, kind, project).declarations.get(name);
      if (declared !== undefined) {
        fail(HOOK_FLAGS[kind], `${relative(project.root, file.path)}:${lineAt(file.text, declared)} declares ${name} but does not export it; export it, or choose another name`);
      }
      return appendBlock(file.text, hookSnippet(style(file) === 'esm' ? 'nodejs/hooks/esm' : 'nodejs/hooks/commonjs', kind, name, entry));
    },
    switchOff(file, kind, entry, project) {
      const at = definitionAt(moduleOf(file, kind, project), dottedFunction(entry), style(file));
      if (at === undefined) return file.text;
      return markOff(file.text, definitionStart(file.text, at, ['*', '/*', '//']), at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const at = definitionAt(moduleOf(file, kind, project), dottedFunction(entry), style(file));
      if (at === undefined) return file.text;
      return unmarkOff(file.text, definitionStart(file.text, at, ['*', '/*', '//']), at);
    },
  },
};

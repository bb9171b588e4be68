// Node.js hooks in a hand-written handler file: CommonJS gets a callback function on module.exports
// (valid on every Node.js runtime), an ES module gets an exported async function (nodejs18 and newer).
import { basename, join, relative } from 'node:path';
import { fail } from '../../errors.ts';
import { nodeModuleStyle } from './module-style.ts';
import { appendBlock, lineAt } from '../../source/text.ts';
import { editableSource } from '../../source/editable.ts';
import { SYNTAX } from '../../source-scan.ts';
import { definitionEdits, handlerFiles, requireCodeDir, type DefinitionAt } from '../../hooks/dotted.ts';
import { readCodeFile, scanCodeFile } from '../../hooks/code-files.ts';
import { dottedFile, dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { NODE_FILES, readModule, type ModuleStyle } from './code.ts';
import { projectTypeScriptBuild } from './typescript-project.ts';
import { parseNodejsEntries } from './entries.ts';

const JS = SYNTAX.javascript;

async function moduleStyle(project: HookProject, path: string, codeDir: string): Promise<ModuleStyle> {
  if (path.endsWith('.mjs')) return 'esm';
  if (path.endsWith('.cjs')) return 'commonjs';
  const pkg = await scanCodeFile(project, join(codeDir, 'package.json')).then((file) => JSON.parse(file.text), () => undefined);
  return pkg?.type === 'module' ? 'esm' : 'commonjs';
}

/**
 * The hook in the handler's module as the doctor reads it (src/runtimes/nodejs/code.ts), after the
 * editor's refusals of unreadable code: the offsets of its top-level declaration and of its export in
 * the file's own module system (an ES module has no `exports`, CommonJS no `export`).
 */
function hookIn(file: CodeFile, kind: HookKind, entry: string, project: HookProject): { name: string; declared?: number; exported?: number } {
  const module = readModule(editableSource(file, JS, HOOK_FLAGS[kind], project, true));
  const name = dottedFunction(entry);
  const exported = module.exports.get(name);
  return { name, declared: module.declarations.get(name), exported: exported?.style === style(file) ? exported.statement : undefined };
}

/** Where an exported hook is: at its declaration when it has one, else at its export. */
const exportedAt: DefinitionAt = (...args) => {
  const { declared, exported } = hookIn(...args);
  return exported === undefined ? undefined : (declared ?? exported);
};

/** Where the hook's function is, for its switched-off comment, exported or not. */
const definitionAt: DefinitionAt = (...args) => {
  const { declared, exported } = hookIn(...args);
  return declared ?? exported;
};

const DOC_COMMENT = ['*', '/*', '//'];

/** The module system of the file (a TypeScript source is written as an ES module). */
function style(file: CodeFile): ModuleStyle {
  return file.style === 'esm' || file.style === 'typescript' ? 'esm' : 'commonjs';
}

export const nodejsHooks: LanguageHooks = {
  parseEntries: parseNodejsEntries,
  code: {
    async locate(project) {
      const typeScript = await typeScriptSource(project);
      if (typeScript) return { ...(await readCodeFile(project, typeScript)), style: 'typescript' };
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
    // Switched off and on wherever the function is; found only when it is exported.
    ...definitionEdits(definitionAt, DOC_COMMENT, '//'),
    find: definitionEdits(exportedAt, DOC_COMMENT, '//').find,
    add(file, kind, entry, project) {
      const { name, declared } = hookIn(file, kind, entry, project);
      if (declared !== undefined) {
        fail(HOOK_FLAGS[kind], `${relative(project.root, file.path)}:${lineAt(file.text, declared)} declares ${name} but does not export it; export it, or choose another name`);
      }
      if (file.style === 'typescript') return appendBlock(file.text, typeScriptHook(file, kind, name, entry, project));
      return appendBlock(file.text, hookSnippet(style(file) === 'esm' ? 'nodejs/hooks/esm' : 'nodejs/hooks/commonjs', kind, name, entry));
    },
  },
};

/**
 * The TypeScript source that builds the handler's file, when package.json's build script writes it
 * (`--language typescript`): hooks go there, not into the built file (absent before a build, replaced by each).
 */
async function typeScriptSource(project: HookProject): Promise<string | undefined> {
  const build = await projectTypeScriptBuild(project);
  if (!build) return undefined;
  const entryFile = `${dottedFile(project.handler)}.mjs`;
  const writesEntry = project.codeDir ? build.built === join(project.codeDir, entryFile) : basename(build.built) === entryFile;
  return writesEntry ? build.source : undefined;
}

/** A typed hook for a TypeScript source: FcContext when the file has that name (as generated), else the one field it uses. */
function typeScriptHook(file: CodeFile, kind: HookKind, name: string, entry: string, project: HookProject): string {
  const snippet = hookSnippet('nodejs/hooks/typescript', kind, name, entry);
  const hasFcContext = /\bFcContext\b/.test(editableSource(file, JS, HOOK_FLAGS[kind], project).bare);
  return hasFcContext ? snippet : snippet.replace('context: FcContext', 'context: { logger: { info(message: string): void } }');
}

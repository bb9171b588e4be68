// Node.js hooks in a hand-written handler file: CommonJS gets a callback function on module.exports
// (valid on every Node.js runtime), an ES module gets an exported async function (nodejs18 and newer).
import { basename, join, relative } from 'node:path';
import { pathExists } from '../../project-files.ts';
import { fail } from '../../errors.ts';
import { nodeModuleStyle } from './generate.ts';
import { appendBlock, codeMatches, readableCodeMask, definitionStart, escapeRegExp, firstInCode, lineAt, markOff, matchingBrace, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { requireCodeDir } from '../../hooks/dotted.ts';
import { readCodeFile, scanCodeFile } from '../../hooks/project.ts';
import { dottedFile, dottedFunction, hookSnippet } from '../../hooks/snippet.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { projectTypeScriptBuild } from './typescript-project.ts';

const JS = SYNTAX.javascript;

const EXTENSIONS = ['.js', '.mjs', '.cjs'];

async function moduleStyle(project: HookProject, path: string, codeDir: string): Promise<'esm' | 'commonjs'> {
  if (path.endsWith('.mjs')) return 'esm';
  if (path.endsWith('.cjs')) return 'commonjs';
  const pkg = await scanCodeFile(project, join(codeDir, 'package.json')).then((file) => JSON.parse(file.text), () => undefined);
  return pkg?.type === 'module' ? 'esm' : 'commonjs';
}

/** Where `name` is exported, or undefined. */
function exportIndex(text: string, mask: Uint8Array, name: string, style: string): number | undefined {
  const id = escapeRegExp(name);
  if (style === 'commonjs') {
    const direct = firstInCode(text, mask, [
      new RegExp(`^[ \\t]*(?:module\\.)?exports\\.${id}\\s*=`, 'gm'),
      new RegExp(`^[ \\t]*(?:module\\.)?exports\\[\\s*['"]${id}['"]\\s*\\]\\s*=`, 'gm'),
    ]);
    if (direct !== undefined) return direct;
    for (const match of codeMatches(text, mask, /module\.exports\s*=\s*\{/g)) {
      const open = match.index + match[0].length - 1;
      const body = text.slice(open, matchingBrace(text, mask, open) + 1);
      if (new RegExp(`[\\s,{](?:async\\s+)?${id}\\s*[,}:(]`).test(body)) return match.index;
    }
    return undefined;
  }
  const direct = firstInCode(text, mask, [
    new RegExp(`^[ \\t]*export\\s+(?:async\\s+)?function\\s*\\*?\\s*${id}\\s*\\(`, 'gm'),
    new RegExp(`^[ \\t]*export\\s+(?:const|let|var)\\s+${id}\\b`, 'gm'),
  ]);
  if (direct !== undefined) return direct;
  for (const match of codeMatches(text, mask, /export\s*\{([^}]*)\}/g)) {
    const names = match[1]!.split(',').map((specifier) => specifier.trim().split(/\s+as\s+/).pop());
    if (names.includes(name)) return match.index;
  }
  return undefined;
}

/** A top-level declaration of `name` (column 0), exported or not. */
function declarationIndex(text: string, mask: Uint8Array, name: string): number | undefined {
  const id = escapeRegExp(name);
  return firstInCode(text, mask, [
    new RegExp(`^(?:export\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${id}\\s*\\(`, 'gm'),
    new RegExp(`^(?:export\\s+)?(?:const|let|var|class)\\s+${id}\\b`, 'gm'),
  ]);
}

function style(file: CodeFile): string {
  return file.style ?? 'commonjs';
}

export const nodejsHooks: LanguageHooks = {
  code: {
    async locate(project) {
      const typeScript = await typeScriptSource(project);
      if (typeScript) return { ...(await readCodeFile(project, typeScript)), style: 'typescript' };
      const codeDir = requireCodeDir(project);
      const base = join(codeDir, ...dottedFile(project.handler).split('/'));
      const found: string[] = [];
      for (const extension of EXTENSIONS) if (await pathExists(base + extension)) found.push(base + extension);
      const shown = relative(project.root, base);
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
      const mask = readableCodeMask(file, JS, HOOK_FLAGS[kind], project, true);
      const name = dottedFunction(entry);
      const exported = exportIndex(file.text, mask, name, style(file));
      if (exported === undefined) return undefined;
      return lineAt(file.text, declarationIndex(file.text, mask, name) ?? exported);
    },
    add(file, kind, entry, project) {
      const mask = readableCodeMask(file, JS, HOOK_FLAGS[kind], project, true);
      const name = dottedFunction(entry);
      const declared = declarationIndex(file.text, mask, name);
      if (declared !== undefined) {
        fail(HOOK_FLAGS[kind], `${relative(project.root, file.path)}:${lineAt(file.text, declared)} declares ${name} but does not export it; export it, or choose another name`);
      }
      if (style(file) === 'typescript') return appendBlock(file.text, typeScriptHook(file, kind, name, entry, mask));
      return appendBlock(file.text, hookSnippet(style(file) === 'esm' ? 'nodejs/hooks/esm' : 'nodejs/hooks/commonjs', kind, name, entry));
    },
    switchOff(file, kind, entry, project) {
      const mask = readableCodeMask(file, JS, HOOK_FLAGS[kind], project, true);
      const name = dottedFunction(entry);
      const at = declarationIndex(file.text, mask, name) ?? exportIndex(file.text, mask, name, style(file));
      if (at === undefined) return file.text;
      return markOff(file.text, definitionStart(file.text, at, ['*', '/*', '//']), at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const mask = readableCodeMask(file, JS, HOOK_FLAGS[kind], project, true);
      const name = dottedFunction(entry);
      const at = declarationIndex(file.text, mask, name) ?? exportIndex(file.text, mask, name, style(file));
      if (at === undefined) return file.text;
      return unmarkOff(file.text, definitionStart(file.text, at, ['*', '/*', '//']), at);
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
function typeScriptHook(file: CodeFile, kind: HookKind, name: string, entry: string, mask: Uint8Array): string {
  const snippet = hookSnippet('nodejs/hooks/typescript', kind, name, entry);
  const hasFcContext = codeMatches(file.text, mask, /\bFcContext\b/g).length > 0;
  return hasFcContext ? snippet : snippet.replace('context: FcContext', 'context: { logger: { info(message: string): void } }');
}

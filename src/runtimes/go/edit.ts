// Go hooks: the SDK dispatches a hook by type, to the function registered for it, so the file that
// calls fc.Start gets `fc.RegisterInitializerFunction(x)` / `fc.RegisterPreStopFunction(x)` on the line
// before fc.Start, and the hook `func x(ctx context.Context)` at its end (with the imports it needs).
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { editableCode, scanCodeFile, type ScannedFile } from '../../hooks/project.ts';
import { sourceFiles } from '../../project-files.ts';
import { hookSnippet } from '../../hooks/snippet.ts';
import { appendBlock, codeMask, codeMatches, readableCodeMask, definitionStart, eolOf, escapeRegExp, insertAt, indentAt, lineAt, lineStart, markOff, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type LanguageHooks } from '../../hooks/types.ts';

const GO = SYNTAX.go;
const SDK = 'github.com/aliyun/fc-runtime-go-sdk';
const REGISTER: Record<HookKind, string> = { initializer: 'RegisterInitializerFunction', preStop: 'RegisterPreStopFunction' };
const DEFAULT_NAMES: Record<HookKind, string> = { initializer: 'initialize', preStop: 'preStop' };
// Keywords, predeclared identifiers and the two special functions: a hook function cannot take these names.
const NOT_A_NAME = new Set(
  ('break case chan const continue default defer else fallthrough for func go goto if import interface map package ' +
    'range return select struct switch type var true false nil iota append cap clear close complex copy delete imag ' +
    'len make max min new panic print println real recover any bool byte comparable complex64 complex128 error ' +
    'float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr main init').split(' '),
);

/** The hook's function name: the entry when it is a usable Go name (FC itself ignores the entry), else the docs' name. */
function functionName(kind: HookKind, entry: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry) && !NOT_A_NAME.has(entry) ? entry : DEFAULT_NAMES[kind];
}

interface Imports {
  /** Paths by local name. */
  byName: Map<string, string>;
  paths: string[];
}

function readImports(text: string, mask: Uint8Array): Imports {
  const byName = new Map<string, string>();
  const paths: string[] = [];
  for (const match of codeMatches(text, mask, /^[ \t]*import\s*(\([^)]*\)|[^\n]*)/gm)) {
    for (const spec of match[1]!.matchAll(/^[ \t(]*(?:([\w.]+)\s+)?"([^"]+)"/gm)) {
      const path = spec[2]!;
      paths.push(path);
      byName.set(spec[1] ?? path.slice(path.lastIndexOf('/') + 1), path);
    }
  }
  return { byName, paths };
}

/** The name the file gives package fc of the SDK (`fc` unless imported under another name). */
function sdkName(file: CodeFile): string {
  return file.style ?? 'fc';
}

function registration(file: CodeFile, mask: Uint8Array, kind: HookKind): RegExpExecArray | undefined {
  return codeMatches(file.text, mask, new RegExp(`\\b${escapeRegExp(sdkName(file))}\\.${REGISTER[kind]}\\s*\\(\\s*([\\w.]+)?`, 'g'))[0];
}

function funcDefinition(file: CodeFile, mask: Uint8Array, name: string): RegExpExecArray | undefined {
  return codeMatches(file.text, mask, new RegExp(`^func\\s+${escapeRegExp(name)}\\s*\\(([^)]*)\\)\\s*([^{\\n]*)\\{`, 'gm'))[0];
}

/**
 * The text with `path` imported: into the import block group that holds `near` (or the first group),
 * at its sorted place, as gofmt keeps it; or as a line of its own after single-line imports.
 */
function addImport(text: string, mask: Uint8Array, path: string, near: string): string {
  const eol = eolOf(text);
  const block = codeMatches(text, mask, /^import\s*\(/gm)[0];
  if (!block) {
    const singles = codeMatches(text, mask, /^import\s+[^\n]*/gm);
    const last = singles.at(-1)!;
    return insertAt(text, last.index + last[0].length, `${eol}import "${path}"`);
  }
  const open = block.index + block[0].length;
  const close = text.indexOf(')', open);
  const lines = text.slice(open, close).split('\n');
  // lines[0] is what follows `(` on its line; groups are runs of non-blank lines.
  const groups: { start: number; end: number }[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    if (lines[i]!.trim() === '') continue;
    const last = groups.at(-1);
    if (last && last.end === i - 1) last.end = i;
    else groups.push({ start: i, end: i });
  }
  const pathOf = (line: string) => /"([^"]+)"/.exec(line)?.[1] ?? '';
  const group = groups.find((g) => lines.slice(g.start, g.end + 1).some((line) => pathOf(line) === near)) ?? groups[0];
  if (!group) return insertAt(text, open, `${eol}\t"${path}"`);
  let at = group.start;
  while (at <= group.end && pathOf(lines[at]!) < path) at += 1;
  lines.splice(at, 0, `\t"${path}"${eol === '\r\n' ? '\r' : ''}`);
  return text.slice(0, open) + lines.join('\n') + text.slice(close);
}

export const goHooks: LanguageHooks = {
  handlerIsLabel: true,
  code: {
    async locate(project) {
      const found: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, ['.go'])) {
        if (path.endsWith('_test.go')) continue;
        const scanned = await scanCodeFile(project, path);
        const { text } = scanned;
        const mask = codeMask(text, GO);
        const name = [...readImports(text, mask).byName].find(([, importPath]) => importPath === `${SDK}/fc`)?.[0];
        if (!name) continue;
        if (name === '_' || name === '.') fail('handler', `${relative(project.root, path)} imports ${SDK}/fc as "${name}"; import it by name to add hooks`);
        if (codeMatches(text, mask, new RegExp(`\\b${escapeRegExp(name)}\\.Start(?:Http)?\\s*\\(`, 'g')).length > 0) found.push({ ...scanned, style: name });
      }
      if (found.length === 0) fail('handler', `no .go file in ${project.root} calls fc.Start from ${SDK}/fc; hooks are registered before that call`);
      if (found.length > 1) fail('handler', `several .go files call fc.Start (${found.map((file) => relative(project.root, file.path)).join(', ')}); keep one`);
      return { ...editableCode(project, found[0]!), style: found[0]!.style! };
    },
    find(file, kind, _entry, project) {
      const mask = readableCodeMask(file, GO, HOOK_FLAGS[kind], project, true);
      const registered = registration(file, mask, kind);
      if (!registered) return undefined;
      const definition = registered[1] ? funcDefinition(file, mask, registered[1]) : undefined;
      return lineAt(file.text, (definition ?? registered).index);
    },
    add(file, kind, entry, project) {
      const field = HOOK_FLAGS[kind];
      const fc = sdkName(file);
      const name = functionName(kind, entry);
      let mask = readableCodeMask(file, GO, field, project, true);
      const start = codeMatches(file.text, mask, new RegExp(`\\b${escapeRegExp(fc)}\\.Start(?:Http)?\\s*\\(`, 'g'))[0]!;
      const existing = funcDefinition(file, mask, name);
      if (existing && !/^\s*\w+\s+context\.Context\s*$/.test(existing[1]!) ) {
        fail(field, `${file.path}:${lineAt(file.text, existing.index)} defines ${name}(${existing[1]!.trim()}); an FC hook must be func ${name}(ctx context.Context) with no results`);
      }
      if (existing && existing[2]!.trim() !== '') {
        fail(field, `${file.path}:${lineAt(file.text, existing.index)} defines ${name} with results (${existing[2]!.trim()}); an FC hook returns nothing`);
      }
      const eol = eolOf(file.text);
      const lineOfStart = lineStart(file.text, start.index);
      let text = existing ? file.text : appendBlock(file.text, hookSnippet('go/hooks/hook', kind, name, entry));
      text = insertAt(text, lineOfStart, `${indentAt(file.text, start.index)}${fc}.${REGISTER[kind]}(${name})${eol}`);
      if (existing) return text;
      for (const [path, near] of [['context', 'context'], [`${SDK}/fccontext`, `${SDK}/fc`]] as const) {
        mask = codeMask(text, GO);
        const imports = readImports(text, mask);
        if (imports.paths.includes(path)) continue;
        const local = path.slice(path.lastIndexOf('/') + 1);
        if (imports.byName.has(local)) fail(field, `${file.path} already uses the name ${local} for ${imports.byName.get(local)}; add the hook by hand`);
        text = addImport(text, mask, path, near);
      }
      return text;
    },
    switchOff(file, kind, _entry, project) {
      const mask = readableCodeMask(file, GO, HOOK_FLAGS[kind], project, true);
      const name = registration(file, mask, kind)?.[1];
      const definition = name ? funcDefinition(file, mask, name) : undefined;
      if (!definition) return file.text;
      return markOff(file.text, definitionStart(file.text, definition.index, ['//']), definition.index, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, _entry, project) {
      const mask = readableCodeMask(file, GO, HOOK_FLAGS[kind], project, true);
      const name = registration(file, mask, kind)?.[1];
      const definition = name ? funcDefinition(file, mask, name) : undefined;
      if (!definition) return file.text;
      return unmarkOff(file.text, definitionStart(file.text, definition.index, ['//']), definition.index);
    },
  },
};

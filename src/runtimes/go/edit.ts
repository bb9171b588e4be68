// Go hooks: the SDK dispatches a hook by type, to the function registered for it, so the file that
// calls fc.Start gets `fc.RegisterInitializerFunction(x)` / `fc.RegisterPreStopFunction(x)` on the line
// before fc.Start, and the hook `func x(ctx context.Context)` at its end (with the imports it needs).
// The imports, fc.Start, the registrations and the functions are read by code.ts, as the doctor reads them.
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { editableCode, scanCodeFile, type ScannedFile } from '../../hooks/code-files.ts';
import { sourceFiles } from '../../project-files.ts';
import { hookSnippet } from '../../hooks/snippet.ts';
import { editableSource } from '../../source/editable.ts';
import { SourceFile } from '../../source/file.ts';
import { appendBlock, definitionStart, eolOf, insertAt, indentAt, lineStart, markOff, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { fcImportName, funcNamed, importsOf, REGISTER, registeredByName, registrations, SDK, startCalls, type Registration } from './code.ts';
import { parseGoEntries } from './entries.ts';

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

/** The file being edited, the name it gives the SDK's fc package (located files import it by a usable name), and the hook's registration. */
function read(file: CodeFile, kind: HookKind, project: HookProject): { source: SourceFile; fc: string; registered?: Registration } {
  const source = editableSource(file, SYNTAX.go, HOOK_FLAGS[kind], project, true);
  const fc = fcImportName(source) ?? 'fc';
  return { source, fc, registered: registrations(source, fc).find((registration) => registration.kind === kind) };
}

/**
 * The text with `path` imported: into the import block group that holds `near` (or the first group),
 * at its sorted place, as gofmt keeps it; or as a line of its own after single-line imports.
 */
function addImport(source: SourceFile, path: string, near: string): string {
  const { text } = source;
  const eol = eolOf(text);
  const [block] = source.matches(/^import\s*\(/m);
  if (!block) {
    const singles = [...source.matches(/^import\s+[^\n]*/m)];
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
  parseEntries: parseGoEntries,
  handlerIsLabel: true,
  code: {
    async locate(project) {
      const found: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, ['.go'])) {
        if (path.endsWith('_test.go')) continue;
        const scanned = await scanCodeFile(project, path);
        const source = new SourceFile(path, scanned.text);
        const name = fcImportName(source);
        if (!name) continue;
        if (name === '_' || name === '.') fail('handler', `${relative(project.root, path)} imports ${SDK}/fc as "${name}"; import it by name to add hooks`);
        if (startCalls(source, name).length > 0) found.push(scanned);
      }
      if (found.length === 0) fail('handler', `no .go file in ${project.root} calls fc.Start from ${SDK}/fc; hooks are registered before that call`);
      if (found.length > 1) fail('handler', `several .go files call fc.Start (${found.map((file) => relative(project.root, file.path)).join(', ')}); keep one`);
      return editableCode(project, found[0]!);
    },
    find(file, kind, _entry, project) {
      const { source, registered } = read(file, kind, project);
      return registered && source.lineAt((registeredByName(registered) ?? registered).at);
    },
    add(file, kind, entry, project) {
      const field = HOOK_FLAGS[kind];
      const name = functionName(kind, entry);
      const { source, fc } = read(file, kind, project);
      const start = startCalls(source, fc)[0]!;
      const existing = funcNamed(source, name);
      if (existing && !(existing.params.length === 1 && /^\w+\s+context\.Context$/.test(existing.params[0]!))) {
        fail(field, `${file.path}:${existing.line} defines ${name}(${existing.paramsText}); an FC hook must be func ${name}(ctx context.Context) with no results`);
      }
      if (existing && existing.results !== '') {
        fail(field, `${file.path}:${existing.line} defines ${name} with results (${existing.results}); an FC hook returns nothing`);
      }
      const eol = eolOf(file.text);
      const lineOfStart = lineStart(file.text, start.at);
      let text = existing ? file.text : appendBlock(file.text, hookSnippet('go/hooks/hook', kind, name, entry));
      text = insertAt(text, lineOfStart, `${indentAt(file.text, start.at)}${fc}.${REGISTER[kind]}(${name})${eol}`);
      if (existing) return text;
      for (const [path, near] of [['context', 'context'], [`${SDK}/fccontext`, `${SDK}/fc`]] as const) {
        const current = new SourceFile(file.path, text);
        const imports = importsOf(current);
        if (imports.some((imported) => imported.path === path)) continue;
        const local = path.slice(path.lastIndexOf('/') + 1);
        const taken = imports.find((imported) => imported.name === local);
        if (taken) fail(field, `${file.path} already uses the name ${local} for ${taken.path}; add the hook by hand`);
        text = addImport(current, path, near);
      }
      return text;
    },
    switchOff(file, kind, _entry, project) {
      const { registered } = read(file, kind, project);
      const definition = registered && registeredByName(registered);
      if (!definition) return file.text;
      return markOff(file.text, definitionStart(file.text, definition.at, ['//']), definition.at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, _entry, project) {
      const { registered } = read(file, kind, project);
      const definition = registered && registeredByName(registered);
      if (!definition) return file.text;
      return unmarkOff(file.text, definitionStart(file.text, definition.at, ['//']), definition.at);
    },
  },
};

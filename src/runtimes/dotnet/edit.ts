// C# hooks: any public method `void Name(IFcContext context)` of the handler's class (no interface),
// added at the end of the class body, with `using Aliyun.Serverless.Core;` when the file lacks it.
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { editableCode, scanCodeFile, type ScannedFile } from '../../hooks/project.ts';
import { sourceFiles } from '../../project-files.ts';
import { appendMember, findClass, findVoidMethod, type ClassBody } from '../../hooks/members.ts';
import { hookSnippet } from '../../hooks/snippet.ts';
import { codeMask, codeMatches, readableCodeMask, definitionStart, eolOf, escapeRegExp, insertAt, lineAt, markOff, nextLineStart, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';

const CSHARP = SYNTAX.csharp;
const CORE = 'Aliyun.Serverless.Core';
const DOC_COMMENT = ['///', '//', '*', '/*', '['];

/** `Assembly::Namespace.Class::Method` -> its parts. */
function parseEntry(entry: string): { namespace: string; className: string; method: string } {
  const parts = entry.split('::');
  const type = parts[1] ?? '';
  const dot = type.lastIndexOf('.');
  return { namespace: dot === -1 ? '' : type.slice(0, dot), className: type.slice(dot + 1), method: parts[2] ?? '' };
}

function classOf(file: CodeFile, mask: Uint8Array, entry: string, field: string): ClassBody {
  const { className } = parseEntry(entry);
  const body = findClass(file.text, mask, className);
  if (!body) fail(field, `${file.path} declares no class ${className}`);
  return body;
}

function method(file: CodeFile, kind: HookKind, entry: string, project: HookProject): number | undefined {
  const mask = readableCodeMask(file, CSHARP, HOOK_FLAGS[kind], project);
  return findVoidMethod(file.text, mask, classOf(file, mask, entry, HOOK_FLAGS[kind]), parseEntry(entry).method);
}

export const dotnetHooks: LanguageHooks = {
  code: {
    async locate(project) {
      const { namespace, className } = parseEntry(project.handler);
      const candidates: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, ['.cs'])) {
        const scanned = await scanCodeFile(project, path);
        const { text } = scanned;
        const mask = codeMask(text, CSHARP);
        const inNamespace = namespace === '' || codeMatches(text, mask, new RegExp(`\\bnamespace\\s+${escapeRegExp(namespace)}\\s*[{;]`, 'g')).length > 0;
        if (inNamespace && findClass(text, mask, className)) candidates.push(scanned);
      }
      const wanted = `class ${className}${namespace ? ` in namespace ${namespace}` : ''}`;
      if (candidates.length === 0) fail('handler', `s.yaml's handler ${project.handler} names ${wanted}, and no .cs file in this project declares it`);
      if (candidates.length > 1) fail('handler', `several .cs files declare ${wanted}: ${candidates.map((c) => relative(project.root, c.path)).join(', ')}; partial classes are not supported`);
      return editableCode(project, candidates[0]!);
    },
    find(file, kind, entry, project) {
      const at = method(file, kind, entry, project);
      return at === undefined ? undefined : lineAt(file.text, at);
    },
    add(file, kind, entry, project) {
      const mask = readableCodeMask(file, CSHARP, HOOK_FLAGS[kind], project);
      const body = classOf(file, mask, entry, HOOK_FLAGS[kind]);
      const text = appendMember(file.text, body, hookSnippet('dotnet/hooks/hook', kind, parseEntry(entry).method, entry));
      if (codeMatches(file.text, mask, new RegExp(`^[ \\t]*using\\s+${escapeRegExp(CORE)}\\s*;`, 'gm')).length > 0) return text;
      const usings = codeMatches(file.text, mask, /^[ \t]*using\s+[\w.]+\s*;/gm);
      const eol = eolOf(file.text);
      const last = usings.at(-1);
      return last ? insertAt(text, nextLineStart(file.text, last.index), `using ${CORE};${eol}`) : `using ${CORE};${eol}${eol}${text}`;
    },
    switchOff(file, kind, entry, project) {
      const at = method(file, kind, entry, project);
      return at === undefined ? file.text : markOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const at = method(file, kind, entry, project);
      return at === undefined ? file.text : unmarkOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at);
    },
  },
};

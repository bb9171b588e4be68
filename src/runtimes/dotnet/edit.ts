// C# hooks: any public method `void Name(IFcContext context)` of the handler's class (no interface),
// added at the end of the class body, with `using Aliyun.Serverless.Core;` when the file lacks it.
// Where the class and its methods are is read by code.ts, as the doctor reads them.
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { editableCode, scanCodeFile, type ScannedFile } from '../../hooks/code-files.ts';
import { sourceFiles } from '../../project-files.ts';
import { appendMember, markMethodOff, unmarkMethodOff } from '../../hooks/members.ts';
import { hookSnippet } from '../../hooks/snippet.ts';
import { editableSource } from '../../source/editable.ts';
import { SourceFile } from '../../source/file.ts';
import { eolOf, insertAt, nextLineStart } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type HookProject, type LanguageHooks } from '../../hooks/types.ts';
import { classesIn, CORE, methodsNamed, splitCsEntry, usingsOf, type CsClass } from './code.ts';
import { parseDotnetEntryNames } from './entries.ts';

const DOC_COMMENT = ['///', '//', '*', '/*', '['];

/** `Assembly::Namespace.Class::Method` -> its parts; InputError (naming `field`) for a string that is not one. */
function entryParts(entry: string, field: string): { ns: string; cls: string; method: string } {
  return splitCsEntry(entry) ?? fail(field, `"${entry}" is not <Assembly>::<Namespace>.<Class>::<Method>, so its class cannot be found`);
}

/** The class the entry names, in the file being edited, with the hook's method (a `void` one), if there. */
function hookIn(file: CodeFile, kind: HookKind, entry: string, project: HookProject): { source: SourceFile; cls: CsClass; method?: number } {
  const field = HOOK_FLAGS[kind];
  const source = editableSource(file, SYNTAX.csharp, field, project);
  const { ns, cls: name, method } = entryParts(entry, field);
  const [cls] = classesIn(source, ns, name);
  if (!cls) fail(field, `${file.path} declares no class ${name}`);
  return { source, cls, method: methodsNamed(cls, method).find((declared) => declared.returns === 'void')?.at };
}

export const dotnetHooks: LanguageHooks = {
  parseEntries: parseDotnetEntryNames,
  code: {
    async locate(project) {
      const { ns, cls } = entryParts(project.handler, 'handler');
      const candidates: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, ['.cs'])) {
        const scanned = await scanCodeFile(project, path);
        if (classesIn(new SourceFile(path, scanned.text), ns, cls).length > 0) candidates.push(scanned);
      }
      const wanted = `class ${cls}${ns ? ` in namespace ${ns}` : ''}`;
      if (candidates.length === 0) fail('handler', `s.yaml's handler ${project.handler} names ${wanted}, and no .cs file in this project declares it`);
      if (candidates.length > 1) fail('handler', `several .cs files declare ${wanted}: ${candidates.map((c) => relative(project.root, c.path)).join(', ')}; partial classes are not supported`);
      return editableCode(project, candidates[0]!);
    },
    find(file, kind, entry, project) {
      const { source, method } = hookIn(file, kind, entry, project);
      return method === undefined ? undefined : source.lineAt(method);
    },
    add(file, kind, entry, project) {
      const { source, cls } = hookIn(file, kind, entry, project);
      const body = { declaration: cls.declaration, open: cls.body.start, close: cls.body.end - 1 };
      const text = appendMember(file.text, body, hookSnippet('dotnet/hooks/hook', kind, entryParts(entry, HOOK_FLAGS[kind]).method, entry));
      const usings = usingsOf(source);
      if (usings.some((using) => using.name === CORE)) return text;
      const eol = eolOf(file.text);
      const last = usings.at(-1);
      return last ? insertAt(text, nextLineStart(file.text, last.at), `using ${CORE};${eol}`) : `using ${CORE};${eol}${eol}${text}`;
    },
    switchOff(file, kind, entry, project) {
      return markMethodOff(file.text, hookIn(file, kind, entry, project).method, DOC_COMMENT, HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      return unmarkMethodOff(file.text, hookIn(file, kind, entry, project).method, DOC_COMMENT);
    },
  },
};

// Java hooks: FC calls a hook through an fc-java-core interface, so the class gets the interface in
// its implements list (and its import), and the method `initialize(Context)` / `preStop(Context)`
// `throws IOException` at the end of the class body. Where the class, its interfaces and its methods
// are is read by code.ts, as the doctor reads them.
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
import { classIn, implementsDirectly, importsOf, INTERFACES, methodsNamed, packageOf, RUNTIME_PACKAGE, splitJavaEntry, type JavaClass } from './code.ts';
import { parseJavaEntryNames } from './entries.ts';

const DOC_COMMENT = ['*', '/*', '//', '@'];

/** `pkg.Class::method` -> its parts; InputError (naming `field`) for a string that is not one. */
function entryParts(entry: string, field: string): { pkg: string; cls: string; method: string } {
  return splitJavaEntry(entry) ?? fail(field, `"${entry}" is not <package>.<Class>::<method>, so its class cannot be found`);
}

/** The class the entry names, in the file being edited, with the method the hook is (a `void` one), if there. */
function hookIn(file: CodeFile, kind: HookKind, entry: string, project: HookProject): { source: SourceFile; cls: JavaClass; method?: number } {
  const field = HOOK_FLAGS[kind];
  const source = editableSource(file, SYNTAX.java, field, project);
  const { cls: name, method } = entryParts(entry, field);
  const cls = classIn(source, name);
  if (!cls) fail(field, `${file.path} declares no class ${name}`);
  return { source, cls, method: methodsNamed(cls, method).find((declared) => declared.returns === 'void')?.at };
}

/** Import edits for simple names of com.aliyun.fc.runtime / java.io the file does not import yet. */
function importsFor(source: SourceFile, names: string[], field: string): { at: number; text: string } | undefined {
  const imports = importsOf(source);
  const have = imports.map((imported) => imported.name);
  const missing: string[] = [];
  for (const qualified of names) {
    const dot = qualified.lastIndexOf('.');
    const simple = qualified.slice(dot + 1);
    if (have.includes(qualified) || have.includes(`${qualified.slice(0, dot)}.*`)) continue;
    const other = have.find((name) => name.endsWith(`.${simple}`));
    if (other) fail(field, `${source.path} imports ${other}, so ${qualified} cannot be imported by its simple name; add the hook by hand`);
    missing.push(qualified);
  }
  if (missing.length === 0) return undefined;
  const eol = eolOf(source.text);
  const lines = missing.map((name) => `import ${name};${eol}`).join('');
  const last = imports.at(-1);
  if (last) return { at: nextLineStart(source.text, last.at), text: lines };
  const pkg = packageOf(source).at;
  return pkg !== undefined ? { at: nextLineStart(source.text, pkg), text: eol + lines } : { at: 0, text: lines + eol };
}

export const javaHooks: LanguageHooks = {
  parseEntries: parseJavaEntryNames,
  code: {
    async locate(project) {
      const { pkg, cls } = entryParts(project.handler, 'handler');
      const candidates: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, [`${cls}.java`])) {
        if (!path.endsWith(`/${cls}.java`)) continue;
        const scanned = await scanCodeFile(project, path);
        if (packageOf(new SourceFile(path, scanned.text)).name === pkg) candidates.push(scanned);
      }
      const wanted = `${cls}.java with \`package ${pkg};\``;
      if (candidates.length === 0) fail('handler', `s.yaml's handler ${project.handler} names class ${pkg}.${cls}, and this project has no ${wanted}`);
      if (candidates.length > 1) fail('handler', `several files are ${wanted}: ${candidates.map((c) => relative(project.root, c.path)).join(', ')}`);
      return editableCode(project, candidates[0]!);
    },
    find(file, kind, entry, project) {
      const { source, cls, method } = hookIn(file, kind, entry, project);
      return method !== undefined && implementsDirectly(cls, INTERFACES[kind]) ? source.lineAt(method) : undefined;
    },
    add(file, kind, entry, project) {
      const field = HOOK_FLAGS[kind];
      const { source, cls, method } = hookIn(file, kind, entry, project);
      const iface = INTERFACES[kind];
      const implemented = implementsDirectly(cls, iface);
      const needed = [
        ...(implemented ? [] : [`${RUNTIME_PACKAGE}.${iface}`]),
        ...(method !== undefined ? [] : [`${RUNTIME_PACKAGE}.Context`, 'java.io.IOException']),
      ];
      const imports = importsFor(source, needed, field);
      // Edits from the end of the file up, so earlier positions stay valid.
      const body = { declaration: cls.declaration, open: cls.body.start, close: cls.body.end - 1 };
      let text = method !== undefined ? file.text : appendMember(file.text, body, hookSnippet('java/hooks/hook', kind, entryParts(entry, field).method, entry));
      if (!implemented) {
        const header = source.bare.slice(cls.declaration, cls.body.start);
        text = insertAt(text, cls.declaration + header.trimEnd().length, /\bimplements\b/.test(header) ? `, ${iface}` : ` implements ${iface}`);
      }
      return imports ? insertAt(text, imports.at, imports.text) : text;
    },
    switchOff(file, kind, entry, project) {
      return markMethodOff(file.text, hookIn(file, kind, entry, project).method, DOC_COMMENT, HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      return unmarkMethodOff(file.text, hookIn(file, kind, entry, project).method, DOC_COMMENT);
    },
  },
};

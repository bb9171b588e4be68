// Java hooks: FC calls a hook through an fc-java-core interface, so the class gets the interface in
// its implements list (and its import), and the method `initialize(Context)` / `preStop(Context)`
// `throws IOException` at the end of the class body.
import { relative } from 'node:path';
import { fail } from '../../errors.ts';
import { editableCode, scanCodeFile, type ScannedFile } from '../../hooks/project.ts';
import { sourceFiles } from '../../project-files.ts';
import { appendMember, findClass, findVoidMethod, type ClassBody } from '../../hooks/members.ts';
import { hookSnippet } from '../../hooks/snippet.ts';
import { codeMask, codeMatches, readableCodeMask, definitionStart, eolOf, escapeRegExp, insertAt, lineAt, markOff, nextLineStart, unmarkOff } from '../../source/text.ts';
import { SYNTAX } from '../../source-scan.ts';
import { HOOK_FLAGS, HOOK_LABELS, type CodeFile, type HookKind, type LanguageHooks } from '../../hooks/types.ts';

const JAVA = SYNTAX.java;
const RUNTIME_PACKAGE = 'com.aliyun.fc.runtime';
const INTERFACES: Record<HookKind, string> = { initializer: 'FunctionInitializer', preStop: 'PreStopHandler' };
const DOC_COMMENT = ['*', '/*', '//', '@'];

/** `pkg.Class::method` -> its parts. */
function parseEntry(entry: string): { packageName: string; className: string; method: string } {
  const [qualified = '', method = ''] = entry.split('::');
  const dot = qualified.lastIndexOf('.');
  return { packageName: qualified.slice(0, dot), className: qualified.slice(dot + 1), method };
}

function classOf(file: CodeFile, mask: Uint8Array, entry: string, field: string): ClassBody {
  const { className } = parseEntry(entry);
  const body = findClass(file.text, mask, className);
  if (!body) fail(field, `${file.path} declares no class ${className}`);
  return body;
}

/** The class header, from `class` to `{`, names the interface. */
function implementsInterface(file: CodeFile, body: ClassBody, kind: HookKind): boolean {
  const header = file.text.slice(body.declaration, body.open);
  return new RegExp(`\\bimplements\\b[^{]*\\b(?:${escapeRegExp(RUNTIME_PACKAGE)}\\.)?${INTERFACES[kind]}\\b`).test(header);
}

/** Import edits for simple names of com.aliyun.fc.runtime / java.io the file does not import yet. */
function importsFor(file: CodeFile, mask: Uint8Array, names: string[], field: string): { at: number; text: string } | undefined {
  const imports = codeMatches(file.text, mask, /^[ \t]*import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;/gm);
  const have = imports.map((match) => match[2]!);
  const missing: string[] = [];
  for (const qualified of names) {
    const dot = qualified.lastIndexOf('.');
    const simple = qualified.slice(dot + 1);
    if (have.includes(qualified) || have.includes(`${qualified.slice(0, dot)}.*`)) continue;
    const other = have.find((name) => name.endsWith(`.${simple}`));
    if (other) fail(field, `${file.path} imports ${other}, so ${qualified} cannot be imported by its simple name; add the hook by hand`);
    missing.push(qualified);
  }
  if (missing.length === 0) return undefined;
  const eol = eolOf(file.text);
  const lines = missing.map((name) => `import ${name};${eol}`).join('');
  const last = imports.at(-1);
  if (last) return { at: nextLineStart(file.text, last.index), text: lines };
  const pkg = codeMatches(file.text, mask, /^[ \t]*package\s+[\w.]+\s*;/gm)[0];
  return pkg ? { at: nextLineStart(file.text, pkg.index), text: eol + lines } : { at: 0, text: lines + eol };
}

export const javaHooks: LanguageHooks = {
  code: {
    async locate(project) {
      const { packageName, className } = parseEntry(project.handler);
      const candidates: ScannedFile[] = [];
      for (const path of sourceFiles(project.root, [`${className}.java`])) {
        if (!path.endsWith(`/${className}.java`)) continue;
        const scanned = await scanCodeFile(project, path);
        const { text } = scanned;
        const mask = codeMask(text, JAVA);
        if (codeMatches(text, mask, new RegExp(`^[ \\t]*package\\s+${escapeRegExp(packageName)}\\s*;`, 'gm')).length > 0) candidates.push(scanned);
      }
      const wanted = `${className}.java with \`package ${packageName};\``;
      if (candidates.length === 0) fail('handler', `s.yaml's handler ${project.handler} names class ${packageName}.${className}, and this project has no ${wanted}`);
      if (candidates.length > 1) fail('handler', `several files are ${wanted}: ${candidates.map((c) => relative(project.root, c.path)).join(', ')}`);
      return editableCode(project, candidates[0]!);
    },
    find(file, kind, entry, project) {
      const mask = readableCodeMask(file, JAVA, HOOK_FLAGS[kind], project);
      const body = classOf(file, mask, entry, HOOK_FLAGS[kind]);
      const method = findVoidMethod(file.text, mask, body, parseEntry(entry).method);
      return method !== undefined && implementsInterface(file, body, kind) ? lineAt(file.text, method) : undefined;
    },
    add(file, kind, entry, project) {
      const field = HOOK_FLAGS[kind];
      const mask = readableCodeMask(file, JAVA, field, project);
      const body = classOf(file, mask, entry, field);
      const { method } = parseEntry(entry);
      const hasMethod = findVoidMethod(file.text, mask, body, method) !== undefined;
      const needed = [
        ...(implementsInterface(file, body, kind) ? [] : [`${RUNTIME_PACKAGE}.${INTERFACES[kind]}`]),
        ...(hasMethod ? [] : [`${RUNTIME_PACKAGE}.Context`, 'java.io.IOException']),
      ];
      const imports = importsFor(file, mask, needed, field);
      // Edits from the end of the file up, so earlier positions stay valid.
      let text = hasMethod ? file.text : appendMember(file.text, body, hookSnippet('java/hooks/hook', kind, method, entry));
      if (!implementsInterface(file, body, kind)) {
        const header = file.text.slice(body.declaration, body.open);
        const end = body.declaration + header.trimEnd().length;
        text = insertAt(text, end, /\bimplements\b/.test(header) ? `, ${INTERFACES[kind]}` : ` implements ${INTERFACES[kind]}`);
      }
      return imports ? insertAt(text, imports.at, imports.text) : text;
    },
    switchOff(file, kind, entry, project) {
      const mask = readableCodeMask(file, JAVA, HOOK_FLAGS[kind], project);
      const at = findVoidMethod(file.text, mask, classOf(file, mask, entry, HOOK_FLAGS[kind]), parseEntry(entry).method);
      return at === undefined ? file.text : markOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at, '//', HOOK_LABELS[kind]);
    },
    switchOn(file, kind, entry, project) {
      const mask = readableCodeMask(file, JAVA, HOOK_FLAGS[kind], project);
      const at = findVoidMethod(file.text, mask, classOf(file, mask, entry, HOOK_FLAGS[kind]), parseEntry(entry).method);
      return at === undefined ? file.text : unmarkOff(file.text, definitionStart(file.text, at, DOC_COMMENT), at);
    },
  },
};

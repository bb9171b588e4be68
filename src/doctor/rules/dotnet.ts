// C# (dotnetcore): the method an `Assembly::Namespace.Class::Method` hook string names; hooks are any
// `void Name(IFcContext context)` (spec §1.7).
import { shown, kindForName } from '../code.ts';
import { findFiles, readSource, type SourceFile } from '../source.ts';
import type { CodeModel, HookKind, Project } from '../types.ts';

interface CsClass {
  file: SourceFile;
  body: { start: number; end: number };
}

function splitCsEntry(entry: string): { ns: string; cls: string; method: string } | undefined {
  const match = /^[\w.]+::(?:([\w.]+)\.)?(\w+)::(\w+)$/.exec(entry);
  return match ? { ns: match[1] ?? '', cls: match[2]!, method: match[3]! } : undefined;
}

const csFiles = (project: Project) => findFiles(project.root, (name) => name.endsWith('.cs'));

/** Every declaration of class `cls` in namespace `ns` (several when the class is partial). */
function findClass(project: Project, ns: string, cls: string): CsClass[] {
  return csFiles(project).flatMap((path) => {
    const file = readSource(path);
    const namespaces = file ? [...file.matches(/\bnamespace\s+([\w.]+)/)].map((m) => m[1]) : [];
    if (!file || (ns ? !namespaces.includes(ns) : namespaces.length > 0)) return [];
    return [...file.matches(new RegExp(`\\bclass\\s+${cls}\\b[^{;]*\\{`))].map((m) => {
      const open = m.index + m[0].length - 1;
      return { file, body: { start: open, end: file.closing(open) } };
    });
  });
}

const methodDeclaration = (method: string) => new RegExp(`\\b(?!return\\b|new\\b|throw\\b|else\\b|await\\b)[\\w<>\\[\\].]+\\s+${method}\\s*\\(`);

function declaresMethod(declarations: CsClass[], method: string): boolean {
  const pattern = methodDeclaration(method);
  return declarations.some(({ file, body }) => pattern.test(file.bare.slice(body.start, body.end)));
}

export const dotnetModel: CodeModel = {
  resolveHook(_resource, hook, project) {
    const parts = hook.entry ? splitCsEntry(hook.entry) : undefined;
    if (!parts) return hook.entry ? { found: false, why: 'it is not <Assembly>::<Namespace>.<Class>::<Method>', fix: 'write it like HelloFcApp::Example.Hello::Initialize' } : undefined;
    if (csFiles(project).length === 0) return undefined;
    const declarations = findClass(project, parts.ns, parts.cls);
    const qualified = parts.ns ? `${parts.ns}.${parts.cls}` : parts.cls;
    const fix = `add public void ${parts.method}(IFcContext context) to class ${qualified}, or fix the handler string`;
    if (declarations.length === 0) return { found: false, why: `no C# source in the project declares class ${qualified}`, fix };
    if (declaresMethod(declarations, parts.method)) return { found: true };
    return { found: false, why: `class ${qualified} (${shown(project, declarations[0]!.file.path)}) has no method ${parts.method}`, fix };
  },
  handlerCode(resource, project) {
    const parts = resource.handler ? splitCsEntry(resource.handler) : undefined;
    for (const { file, body } of parts ? findClass(project, parts.ns, parts.cls) : []) {
      const match = methodDeclaration(parts!.method).exec(file.bare.slice(body.start, body.end));
      const method = match && file.bodyAfter(body.start + match.index + match[0].length - 1);
      if (method) return { file, ...method };
    }
    return undefined;
  },
  hooksInCode(resource, project) {
    const parts = resource.handler ? splitCsEntry(resource.handler) : undefined;
    if (!parts) return [];
    return findClass(project, parts.ns, parts.cls).flatMap(({ file, body }) =>
      [...file.matches(/\bvoid\s+(\w+)\s*\(\s*IFcContext\s+\w+\s*\)/)]
        .filter((m) => m.index > body.start && m.index < body.end)
        .flatMap((m) => {
          const slot: HookKind | undefined = kindForName(m[1]!);
          return slot ? [{ kind: slot, file: file.path, line: file.lineAt(m.index), what: `method ${m[1]}(IFcContext)` }] : [];
        }));
  },
};

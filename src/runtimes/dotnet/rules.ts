// C# (dotnetcore): the method an `Assembly::Namespace.Class::Method` hook string names; hooks are any
// `void Name(IFcContext context)` (spec §1.7). The code is read by code.ts, as the hook editor reads it.
import { shown, kindForName } from '../../doctor/code.ts';
import { findFiles, readSource } from '../../source/disk.ts';
import type { CodeModel, HookKind, Project } from '../../doctor/types.ts';
import { THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { classesIn, hookMethods, methodsNamed, splitCsEntry, type CsClass } from './code.ts';

const csFiles = (project: Project) => findFiles(project.root, (name) => name.endsWith('.cs'));

/** Every declaration of class `cls` in namespace `ns` in the project (several when the class is partial). */
function findClass(project: Project, ns: string, cls: string): CsClass[] {
  return csFiles(project).flatMap((path) => {
    const file = readSource(path);
    return file ? classesIn(file, ns, cls) : [];
  });
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
    if (declarations.some((declaration) => methodsNamed(declaration, parts.method).length > 0)) return { found: true };
    return { found: false, why: `class ${qualified} (${shown(project, declarations[0]!.file.path)}) has no method ${parts.method}`, fix };
  },
  handlerCode(resource, project) {
    const parts = resource.handler ? splitCsEntry(resource.handler) : undefined;
    for (const declaration of parts ? findClass(project, parts.ns, parts.cls) : []) {
      const [method] = methodsNamed(declaration, parts!.method);
      const body = method && declaration.file.bodyAfter(method.open);
      if (body) return { file: declaration.file, ...body };
    }
    return undefined;
  },
  hooksInCode(resource, project) {
    const parts = resource.handler ? splitCsEntry(resource.handler) : undefined;
    if (!parts) return [];
    return findClass(project, parts.ns, parts.cls).flatMap((declaration) =>
      hookMethods(declaration).flatMap(({ name, line }) => {
        const kind: HookKind | undefined = kindForName(name);
        return kind ? [{ kind, file: declaration.file.path, line, what: `method ${name}(IFcContext)` }] : [];
      }));
  },
};

/** The doctor's part of the family (src/runtimes/dotnet/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: dotnetModel,
  rules: [],
  handlerGuard: { syntax: 'paren', refusals: `${THROW}|${UNAVAILABLE}`, accessor: 'GetResource(IFcContext) under a lock' },
};

// Java: the class a `package.Class::method` hook string names, the fc-java-core interfaces it must
// implement, and the fc-java-core version PreStop needs (spec §1.5).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shown, versionBelow } from '../code.ts';
import { findFiles, readSource, type SourceFile } from '../source.ts';
import type { CodeModel, Hit, HookKind, Project, Resource, Rule } from '../types.ts';

/** The interface FC calls each hook through (spec §1.5). */
const INTERFACES: Record<HookKind, string> = { initializer: 'FunctionInitializer', preStop: 'PreStopHandler' };

interface JavaClass {
  file: SourceFile;
  name: string;
  /** Line of the class declaration. */
  line: number;
  /** The text between the class name and its `{`: extends and implements. */
  header: string;
  body: { start: number; end: number };
}

function splitJavaEntry(entry: string): { pkg: string; cls: string; method: string } | undefined {
  const match = /^(?:([\w$.]+)\.)?([\w$]+)::([\w$]+)$/.exec(entry);
  return match ? { pkg: match[1] ?? '', cls: match[2]!, method: match[3]! } : undefined;
}

const javaFiles = (project: Project) => findFiles(project.root, (name) => name.endsWith('.java'));

/** The class `pkg.cls` in the project's Java sources; undefined when there is none. */
function findClass(project: Project, pkg: string, cls: string): JavaClass | undefined {
  for (const path of javaFiles(project)) {
    const file = readSource(path);
    if (!file) continue;
    const declared = /\bpackage\s+([\w.]+)\s*;/.exec(file.bare)?.[1] ?? '';
    if (declared !== pkg) continue;
    const [match] = file.matches(new RegExp(`\\bclass\\s+${cls.replace(/\$/g, '\\$')}\\b([^{]*)\\{`));
    if (!match) continue;
    const open = match.index + match[0].length - 1;
    return { file, name: cls, line: file.lineAt(match.index), header: match[1]!, body: { start: open, end: file.closing(open) } };
  }
  return undefined;
}

/** The superclass of a class, when it extends one. */
function superclassOf(cls: JavaClass): string | undefined {
  return /\bextends\s+([\w$.]+)/.exec(cls.header)?.[1];
}

/** The class a superclass name refers to: same package, or an import. */
function findSuperclass(project: Project, cls: JavaClass, name: string): JavaClass | undefined {
  const simple = name.split('.').pop()!;
  const imported = new RegExp(`\\bimport\\s+([\\w.]+)\\.${simple}\\s*;`).exec(cls.file.bare)?.[1];
  const pkg = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : imported ?? (/\bpackage\s+([\w.]+)\s*;/.exec(cls.file.bare)?.[1] ?? '');
  return findClass(project, pkg, simple);
}

/** Whether the class (or a superclass in the project) implements `iface`; undefined when a superclass is out of reach. */
function implementsInterface(project: Project, cls: JavaClass, iface: string, depth = 0): boolean | undefined {
  if (new RegExp(`\\bimplements\\b[^{]*\\b${iface}\\b`).test(cls.header)) return true;
  const parent = superclassOf(cls);
  if (!parent) return false;
  const parentClass = depth < 5 ? findSuperclass(project, cls, parent) : undefined;
  return parentClass ? implementsInterface(project, parentClass, iface, depth + 1) : undefined;
}

const methodDeclaration = (method: string) => new RegExp(`\\b(?!return\\b|new\\b|throw\\b|else\\b)[\\w$<>\\[\\]]+\\s+${method.replace(/\$/g, '\\$')}\\s*\\(`);

function declaresMethod(cls: JavaClass, method: string): boolean {
  return methodDeclaration(method).test(cls.file.bare.slice(cls.body.start, cls.body.end));
}

function classOf(project: Project, entry: string | undefined): JavaClass | undefined {
  const parts = entry ? splitJavaEntry(entry) : undefined;
  return parts && findClass(project, parts.pkg, parts.cls);
}

export const javaModel: CodeModel = {
  resolveHook(_resource, hook, project) {
    const parts = hook.entry ? splitJavaEntry(hook.entry) : undefined;
    if (!parts) return hook.entry ? { found: false, why: 'it is not <package>.<Class>::<method>', fix: 'write it like example.App::initialize' } : undefined;
    if (javaFiles(project).length === 0) return undefined;
    const cls = findClass(project, parts.pkg, parts.cls);
    const qualified = parts.pkg ? `${parts.pkg}.${parts.cls}` : parts.cls;
    const fix = `add public void ${parts.method}(Context context) throws IOException to class ${qualified} (implementing ${INTERFACES[hook.kind]}), or fix the handler string`;
    if (!cls) return { found: false, why: `no Java source in the project declares class ${qualified}`, fix };
    if (declaresMethod(cls, parts.method) || superclassOf(cls)) return { found: true };
    return { found: false, why: `class ${qualified} (${shown(project, cls.file.path)}) has no method ${parts.method}`, fix };
  },
  handlerCode(resource, project) {
    const cls = classOf(project, resource.handler);
    if (!cls) return undefined;
    const match = methodDeclaration(splitJavaEntry(resource.handler!)!.method).exec(cls.file.bare.slice(cls.body.start, cls.body.end));
    const body = match && cls.file.bodyAfter(cls.body.start + match.index + match[0].length - 1);
    return body ? { file: cls.file, ...body } : undefined;
  },
  hooksInCode(resource, project) {
    const cls = classOf(project, resource.handler);
    if (!cls) return [];
    return (Object.keys(INTERFACES) as HookKind[]).flatMap((slot) =>
      new RegExp(`\\bimplements\\b[^{]*\\b${INTERFACES[slot]}\\b`).test(cls.header)
        ? [{ kind: slot, file: cls.file.path, line: cls.line, what: `class ${cls.name} implements ${INTERFACES[slot]}` }]
        : []);
  },
};

/** spec §1.5: FC calls hooks through FunctionInitializer / PreStopHandler; a class without them is not called. */
const hookInterface: Rule = {
  id: 'java-hook-interface',
  severity: 'error',
  check(resource, project) {
    return Object.values(resource.hooks).flatMap((hook): Hit[] => {
      const cls = hook.active && !hook.hasCommand ? classOf(project, hook.entry) : undefined;
      const iface = INTERFACES[hook.kind];
      if (!cls || implementsInterface(project, cls, iface) !== false) return [];
      return [{ file: cls.file.path, line: cls.line, message: `class ${cls.name} is the ${hook.kind} hook (${hook.entry}) but does not implement com.aliyun.fc.runtime.${iface}, which FC calls it through: add \`implements ${iface}\` and import com.aliyun.fc.runtime.${iface}` }];
    });
  },
};

/** The pom.xml nearest above `from`, up to the project root. */
function nearestPom(project: Project, from: string): string | undefined {
  for (let dir = from; dir.startsWith(project.root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'pom.xml'))) return join(dir, 'pom.xml');
    if (dir === project.root) break;
  }
  return undefined;
}

/** spec §1.5 (seed 003): PreStop needs fc-java-core 1.4.0 or newer. */
const coreVersion: Rule = {
  id: 'java-fc-core-version',
  severity: 'error',
  check(resource: Resource, project) {
    if (!resource.hooks.preStop?.active) return [];
    const cls = classOf(project, resource.hooks.preStop.entry ?? resource.handler);
    const pom = nearestPom(project, cls ? dirname(cls.file.path) : project.root);
    if (!pom) return [];
    const file = readSource(pom);
    const dependency = file && /<dependency>(?:(?!<\/dependency>)[\s\S])*?<artifactId>\s*fc-java-core\s*<\/artifactId>(?:(?!<\/dependency>)[\s\S])*?<\/dependency>/.exec(file.code);
    const version = dependency && /<version>\s*([^<\s]+)\s*<\/version>/.exec(dependency[0]);
    if (!file || !dependency || !version) return [];
    const property = /^\$\{([\w.-]+)\}$/.exec(version[1]!);
    const value = property ? new RegExp(`<${property[1]!.replace(/\./g, '\\.')}>\\s*([^<\\s]+)\\s*</`).exec(file.code)?.[1] : version[1];
    if (!value || !versionBelow(value, '1.4.0')) return [];
    return [{ file: pom, line: file.lineAt(dependency.index + version.index), message: `fc-java-core ${value} has no PreStopHandler (added in 1.4.0), and s.yaml configures preStop: use com.aliyun.fc.runtime:fc-java-core 1.4.1` }];
  },
};

export const javaRules: Rule[] = [hookInterface, coreVersion];

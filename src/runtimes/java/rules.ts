// Java: the class a `package.Class::method` hook string names, the fc-java-core interfaces it must
// implement, and the fc-java-core version PreStop needs (spec §1.5). The code is read by code.ts, as
// the hook editor reads it; this file finds the class among the project's sources and its superclasses.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shown, versionBelow } from '../../doctor/code.ts';
import { findFiles, readSource } from '../../source/disk.ts';
import type { CodeModel, Hit, Project, Resource, Rule } from '../../doctor/types.ts';
import { THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { classIn, hookInterfaces, implementsDirectly, importsOf, INTERFACES, methodsNamed, packageOf, splitJavaEntry, superclassOf, type JavaClass } from './code.ts';

const javaFiles = (project: Project) => findFiles(project.root, (name) => name.endsWith('.java'));

/** The class `pkg.cls` in the project's Java sources (the first file of that package declaring it); undefined when there is none. */
function findClass(project: Project, pkg: string, cls: string): JavaClass | undefined {
  for (const path of javaFiles(project)) {
    const file = readSource(path);
    const found = file && packageOf(file).name === pkg ? classIn(file, cls) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The class a superclass name refers to: same package, or an import. */
function findSuperclass(project: Project, cls: JavaClass, name: string): JavaClass | undefined {
  const simple = name.split('.').pop()!;
  const imported = importsOf(cls.file).find((imported) => imported.name.endsWith(`.${simple}`))?.name;
  const pkg = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : imported?.slice(0, -simple.length - 1) ?? packageOf(cls.file).name;
  return findClass(project, pkg, simple);
}

/** Whether the class (or a superclass in the project) implements `iface`; undefined when a superclass is out of reach. */
function implementsInterface(project: Project, cls: JavaClass, iface: string, depth = 0): boolean | undefined {
  if (implementsDirectly(cls, iface)) return true;
  const parent = superclassOf(cls);
  if (!parent) return false;
  const parentClass = depth < 5 ? findSuperclass(project, cls, parent) : undefined;
  return parentClass ? implementsInterface(project, parentClass, iface, depth + 1) : undefined;
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
    if (methodsNamed(cls, parts.method).length > 0 || superclassOf(cls)) return { found: true };
    return { found: false, why: `class ${qualified} (${shown(project, cls.file.path)}) has no method ${parts.method}`, fix };
  },
  handlerCode(resource, project) {
    const cls = classOf(project, resource.handler);
    if (!cls) return undefined;
    const [method] = methodsNamed(cls, splitJavaEntry(resource.handler!)!.method);
    const body = method && cls.file.bodyAfter(method.open);
    return body ? { file: cls.file, ...body } : undefined;
  },
  hooksInCode(resource, project) {
    const cls = classOf(project, resource.handler);
    if (!cls) return [];
    return hookInterfaces(cls).map(({ kind, iface }) => ({ kind, file: cls.file.path, line: cls.line, what: `class ${cls.name} implements ${iface}` }));
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

/** The doctor's part of the family (src/runtimes/java/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: javaModel,
  rules: javaRules,
  handlerGuard: { syntax: 'paren', refusals: `${THROW}|${UNAVAILABLE}`, accessor: 'a synchronized getResource(Context)' },
};

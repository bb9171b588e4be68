// Java code as the doctor (rules.ts) and the hook editor (edit.ts) both read it (spec §1.5): the class a
// `package.Class::method` string names, the fc-java-core interfaces its header implements, its methods
// with their result type, and the file's package and imports. Over SourceFile (src/source/file.ts):
// patterns match real code only, never comments or strings.
import type { SourceFile } from '../../source/file.ts';
import type { HookKind } from '../../doctor/types.ts';

export const RUNTIME_PACKAGE = 'com.aliyun.fc.runtime';
/** The interface FC calls each hook through. */
export const INTERFACES: Record<HookKind, string> = { initializer: 'FunctionInitializer', preStop: 'PreStopHandler' };

/** `pkg.Class::method` -> its parts; undefined when the string is not one. */
export function splitJavaEntry(entry: string): { pkg: string; cls: string; method: string } | undefined {
  const match = /^(?:([\w$.]+)\.)?([\w$]+)::([\w$]+)$/.exec(entry);
  return match ? { pkg: match[1] ?? '', cls: match[2]!, method: match[3]! } : undefined;
}

const escape = (name: string) => name.replace(/[.$]/g, '\\$&');

/** The file's `package` declaration ('' and no offset when it has none: the default package). */
export function packageOf(file: SourceFile): { name: string; at?: number } {
  const [match] = file.matches(/^[ \t]*package\s+([\w.]+)\s*;/m);
  return match ? { name: match[1]!, at: match.index } : { name: '' };
}

/** The file's imports: the imported name (`a.b.C`, `a.b.*`) and the offset of its line. */
export function importsOf(file: SourceFile): { name: string; at: number }[] {
  return [...file.matches(/^[ \t]*import\s+(?:static\s+)?([\w.]+(?:\.\*)?)\s*;/m)].map((match) => ({ name: match[1]!, at: match.index }));
}

export interface JavaClass {
  file: SourceFile;
  name: string;
  /** Offset of the `class` keyword, and its line. */
  declaration: number;
  line: number;
  /** The code between the class name and its `{`: extends and implements. */
  header: string;
  /** Offsets of the body's `{` and just past its `}`. */
  body: { start: number; end: number };
}

/** The first class named `name` the file declares (with a closed body), or undefined. */
export function classIn(file: SourceFile, name: string): JavaClass | undefined {
  for (const match of file.matches(new RegExp(`\\bclass\\s+${escape(name)}\\b([^{]*)\\{`))) {
    const open = match.index + match[0].length - 1;
    const end = file.closing(open);
    if (end >= 0) return { file, name, declaration: match.index, line: file.lineAt(match.index), header: match[1]!, body: { start: open, end } };
  }
  return undefined;
}

/** Whether the class header itself says `implements` the interface (plain or com.aliyun.fc.runtime-qualified). */
export function implementsDirectly(cls: JavaClass, iface: string): boolean {
  return new RegExp(`\\bimplements\\b[^{]*\\b${iface}\\b`).test(cls.header);
}

/** The superclass the header names, when it extends one. */
export function superclassOf(cls: JavaClass): string | undefined {
  return /\bextends\s+([\w$.]+)/.exec(cls.header)?.[1];
}

/** The interfaces FC calls hooks through that the class header implements, as hooks in code. */
export function hookInterfaces(cls: JavaClass): { kind: HookKind; iface: string }[] {
  return (Object.keys(INTERFACES) as HookKind[]).filter((kind) => implementsDirectly(cls, INTERFACES[kind])).map((kind) => ({ kind, iface: INTERFACES[kind] }));
}

export interface JavaMethod {
  /** Offset of the result type, where the declaration's own line starts being code. */
  at: number;
  line: number;
  /** The result type as written (`void` for a hook). */
  returns: string;
  /** Offset of the parameter list's `(`. */
  open: number;
}

/** Every declaration of a method `name` in the class body (nested classes included), in order. */
export function methodsNamed(cls: JavaClass, name: string): JavaMethod[] {
  const { file, body } = cls;
  const pattern = new RegExp(`\\b(?!return\\b|new\\b|throw\\b|else\\b)([\\w$<>\\[\\]]+)\\s+${escape(name)}\\s*\\(`, 'g');
  return [...file.bare.slice(body.start, body.end).matchAll(pattern)].map((match) => {
    const at = body.start + match.index;
    return { at, line: file.lineAt(at), returns: match[1]!, open: at + match[0].length - 1 };
  });
}

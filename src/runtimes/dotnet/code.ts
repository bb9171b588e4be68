// C# code as the doctor (rules.ts) and the hook editor (edit.ts) both read it (spec §1.7): the class an
// `Assembly::Namespace.Class::Method` string names (every declaration, when it is partial), its methods
// with their result type, the hooks it declares (`void Name(IFcContext context)`) and the file's
// usings. Over SourceFile (src/source/file.ts): patterns match real code only, never comments or strings.
import type { SourceFile } from '../../source/file.ts';

export const CORE = 'Aliyun.Serverless.Core';

/** `Assembly::Namespace.Class::Method` -> its parts; undefined when the string is not one. */
export function splitCsEntry(entry: string): { ns: string; cls: string; method: string } | undefined {
  const match = /^[\w.]+::(?:([\w.]+)\.)?(\w+)::(\w+)$/.exec(entry);
  return match ? { ns: match[1] ?? '', cls: match[2]!, method: match[3]! } : undefined;
}

export interface CsClass {
  file: SourceFile;
  /** Offset of the `class` keyword. */
  declaration: number;
  /** Offsets of the body's `{` and just past its `}`. */
  body: { start: number; end: number };
}

/** The declarations of class `cls` in the file, when the file is in namespace `ns` (no namespace when `ns` is ''). */
export function classesIn(file: SourceFile, ns: string, cls: string): CsClass[] {
  const namespaces = [...file.matches(/\bnamespace\s+([\w.]+)/)].map((match) => match[1]);
  if (ns ? !namespaces.includes(ns) : namespaces.length > 0) return [];
  return [...file.matches(new RegExp(`\\bclass\\s+${cls}\\b[^{;]*\\{`))].flatMap((match) => {
    const open = match.index + match[0].length - 1;
    const end = file.closing(open);
    return end < 0 ? [] : [{ file, declaration: match.index, body: { start: open, end } }];
  });
}

export interface CsMethod {
  /** Offset of the result type, and its line. */
  at: number;
  line: number;
  /** The result type as written (`void` for a hook). */
  returns: string;
  /** Offset of the parameter list's `(`. */
  open: number;
}

/** Every declaration of a method `name` in the class body (nested classes included), in order. */
export function methodsNamed({ file, body }: CsClass, name: string): CsMethod[] {
  const pattern = new RegExp(`\\b(?!return\\b|new\\b|throw\\b|else\\b|await\\b)([\\w<>\\[\\].]+)\\s+${name}\\s*\\(`, 'g');
  return [...file.bare.slice(body.start, body.end).matchAll(pattern)].map((match) => {
    const at = body.start + match.index;
    return { at, line: file.lineAt(at), returns: match[1]!, open: at + match[0].length - 1 };
  });
}

/** The methods of the class that FC can call as a hook: `void Name(IFcContext context)`. */
export function hookMethods({ file, body }: CsClass): { name: string; at: number; line: number }[] {
  return [...file.matches(/\bvoid\s+(\w+)\s*\(\s*IFcContext\s+\w+\s*\)/)]
    .filter((match) => match.index > body.start && match.index < body.end)
    .map((match) => ({ name: match[1]!, at: match.index, line: file.lineAt(match.index) }));
}

/** The file's `using` directives: the namespace and the offset of its line. */
export function usingsOf(file: SourceFile): { name: string; at: number }[] {
  return [...file.matches(/^[ \t]*using\s+([\w.]+)\s*;/m)].map((match) => ({ name: match[1]!, at: match.index }));
}

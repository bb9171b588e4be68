// Go code as the doctor (rules.ts) and the hook editor (edit.ts) both read it (spec §1.6): the file's
// imports and the name it gives the SDK's fc package, its fc.Start call, the hooks it registers with
// fc.RegisterInitializerFunction / fc.RegisterPreStopFunction, and a function's signature. Over
// SourceFile (src/source/file.ts): patterns match real code only, never comments or strings.
import type { SourceFile } from '../../source/file.ts';
import type { HookKind } from '../../doctor/types.ts';

export const SDK = 'github.com/aliyun/fc-runtime-go-sdk';
export const REGISTER: Record<HookKind, string> = { initializer: 'RegisterInitializerFunction', preStop: 'RegisterPreStopFunction' };

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The file's imports: each path with the name the file uses for it (its last element unless renamed). */
export function importsOf(file: SourceFile): { name: string; path: string }[] {
  const imports: { name: string; path: string }[] = [];
  for (const match of file.matches(/^[ \t]*import\b[ \t]*/m)) {
    const at = match.index + match[0].length;
    const end = file.bare[at] === '(' ? file.closing(at) : file.bare.indexOf('\n', at);
    const statement = file.code.slice(at, end < 0 ? file.code.length : end);
    for (const spec of statement.matchAll(/^[ \t(]*(?:([\w.]+)\s+)?"([^"]+)"/gm)) {
      const path = spec[2]!;
      imports.push({ name: spec[1] ?? path.slice(path.lastIndexOf('/') + 1), path });
    }
  }
  return imports;
}

/** The name the file imports the SDK's fc package under, as written (`fc`, an alias, `_` or `.`); undefined when not imported. */
export function fcImportName(file: SourceFile): string | undefined {
  return importsOf(file).find((imported) => imported.path === `${SDK}/fc`)?.name;
}

/** The name calls into the SDK's fc package use (`fc` unless aliased); undefined when it is not imported by a usable name. */
export function fcAlias(file: SourceFile): string | undefined {
  const name = fcImportName(file);
  return name !== undefined && /^\w+$/.test(name) && name !== '_' ? name : undefined;
}

/** The file's `<fc>.Start(…)` / `<fc>.StartHttp(…)` calls: offsets of the call and of its `(`. */
export function startCalls(file: SourceFile, alias: string): { at: number; open: number }[] {
  return [...file.matches(new RegExp(`\\b${escape(alias)}\\.Start(?:Http)?\\s*\\(`))].map((match) => ({ at: match.index, open: match.index + match[0].length - 1 }));
}

export interface Registration {
  kind: HookKind;
  file: SourceFile;
  /** Offset of the call, and its line. */
  at: number;
  line: number;
  /** Offset of the `(` of the call. */
  open: number;
  /** The first argument as written: a function name or a func literal. */
  argument: string;
}

/** The hook registrations in the file, initializer ones first, each kind in file order. */
export function registrations(file: SourceFile, alias: string): Registration[] {
  return (Object.keys(REGISTER) as HookKind[]).flatMap((kind) =>
    [...file.matches(new RegExp(`\\b${escape(alias)}\\.${REGISTER[kind]}\\s*\\(`))].map((match) => {
      const open = match.index + match[0].length - 1;
      return { kind, file, at: match.index, line: file.lineAt(match.index), open, argument: file.items(open)[0] ?? '' };
    }));
}

export interface GoFunction {
  /** Offset of the `func` keyword, and its line. */
  at: number;
  line: number;
  /** Offset of the parameter list's `(`. */
  open: number;
  /** The parameters, one item each, and the list as written. */
  params: string[];
  paramsText: string;
  /** What stands between the parameters and the body: the results ('' for none). */
  results: string;
}

/** The signature of the function whose parameter list opens at `open` (its `func` at `at`); undefined without a body. */
function signature(file: SourceFile, at: number, open: number): GoFunction | undefined {
  const close = file.closing(open);
  const brace = close < 0 ? -1 : file.bare.indexOf('{', close);
  if (brace < 0) return undefined;
  return { at, line: file.lineAt(at), open, params: file.items(open), paramsText: file.code.slice(open + 1, close - 1).trim(), results: file.bare.slice(close, brace).trim() };
}

/** The top-level `func name(…)` the file declares, or undefined. */
export function funcNamed(file: SourceFile, name: string): GoFunction | undefined {
  const [declared] = file.matches(new RegExp(`^func\\s+${escape(name)}\\s*\\(`, 'm'));
  return declared && signature(file, declared.index, declared.index + declared[0].length - 1);
}

/** The top-level function of the registration's file that it registers by name, or undefined (a func literal, a function it does not declare). */
export function registeredByName(registration: Registration): GoFunction | undefined {
  return /^\w+$/.test(registration.argument) ? funcNamed(registration.file, registration.argument) : undefined;
}

/** The function a registration registers: its func literal, or the top-level function of that file it names. */
export function registeredFunction(registration: Registration): (GoFunction & { name: string }) | undefined {
  if (/^func\s*\(/.test(registration.argument)) {
    const { file } = registration;
    const at = file.bare.indexOf('func', registration.open + 1);
    const fn = signature(file, at, file.bare.indexOf('(', at));
    return fn && { ...fn, name: 'the func literal' };
  }
  const fn = registeredByName(registration);
  return fn && { ...fn, name: registration.argument };
}

// A custom runtime's or container's server code as the doctor (rules.ts, guards.ts) and the hook editor
// (edit.ts) both read it (spec §1.8, §1.9): FC calls the hooks as HTTP routes, so a hook in code is the
// route's path, quoted, in code (not in a comment): '/initialize', "/pre-stop", `/initialize/`, '/pre-stop?x'.
import type { SourceFile } from '../../source/file.ts';
import type { HookKind } from '../../doctor/types.ts';

/** The request FC sends each hook to. */
export const ROUTES = {
  initializer: { method: 'POST', path: '/initialize' },
  preStop: { method: 'GET', path: '/pre-stop' },
} as const satisfies Record<HookKind, { method: 'POST' | 'GET'; path: string }>;

/** Where the file's code first names the hook's route (offset of the opening quote, and its line), or undefined. */
export function routeIn(file: SourceFile, kind: HookKind): { at: number; line: number } | undefined {
  const match = new RegExp(`(['"\`])${ROUTES[kind].path}(?:\\1|[/?])`).exec(file.code);
  return match ? { at: match.index, line: file.lineAt(match.index) } : undefined;
}

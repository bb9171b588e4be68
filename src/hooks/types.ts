// Shared vocabulary of the hook editors (add/remove, plop hook/unhook).
import type { HookKind, HookProject } from '../project/types.ts';
import type { EntryStrings } from '../runtimes/types.ts';

/** The hooks and the project edited are the one reader's (src/project/types.ts). */
export { HOOK_FLAGS, HOOK_KINDS, HOOK_LABELS, type HookKind, type HookProject } from '../project/types.ts';

/** A hook as s.yaml has it (in the types module, so the API's declarations need no YAML library). */
export interface HookState {
  status: 'absent' | 'on' | 'off';
  handler?: string;
  command?: string[];
  /** `command` as s.yaml has it, whatever its type. */
  rawCommand?: unknown;
  timeout?: unknown;
  /** Line of the hook's key. */
  line?: number;
}

/** One source file, read from disk. */
export interface CodeFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** What locating the file found out about it that editing needs (Node.js: 'esm' or 'commonjs'). */
  style?: string;
}

/** Editing the hook functions of one built-in runtime's language. */
export interface CodeHooks {
  /** Reads the file the hook code belongs in; throws InputError when it is missing or ambiguous. */
  locate(project: HookProject): Promise<CodeFile>;
  /** Line of the hook's definition when the code already has the hook wired (defined and exported/registered/declared). */
  find(file: CodeFile, kind: HookKind, entry: string, project: HookProject): number | undefined;
  /**
   * The text with the hook added. Reuses what is there (a Go function that is only unregistered, a
   * Java method whose interface is missing); throws InputError for a shape it cannot complete safely.
   */
  add(file: CodeFile, kind: HookKind, entry: string, project: HookProject): string;
  /** The text with a comment above the hook's function saying it is switched off (unchanged when there is no function). */
  switchOff(file: CodeFile, kind: HookKind, entry: string, project: HookProject): string;
  /** The text without that comment, for a hook switched back on whose function is there. */
  switchOn(file: CodeFile, kind: HookKind, entry: string, project: HookProject): string;
}

/** What a custom runtime or container must serve for a hook. */
export interface HttpHooks {
  route(kind: HookKind): { method: 'POST' | 'GET'; path: string };
  /** Where the project's code mentions the route, if it does. */
  findRoute(project: HookProject, kind: HookKind): Promise<{ path: string; line: number } | undefined>;
  /**
   * Adds the route to a server the generator wrote that lacks it, editing the text in `edits` (file
   * path -> texts before and after); undefined when the server is not one it recognizes or has the route.
   */
  addRoute?(project: HookProject, kind: HookKind, edits: Map<string, { before: string; after: string }>): Promise<{ path: string; line: number } | undefined>;
}

/** The hook knowledge of one runtime family, for code written by hand (not only by the generator). */
export interface LanguageHooks {
  /**
   * The family's entry rules, its generator's own (RuntimeDefinition.parseEntries): add checks a hook's
   * entry against the project's handler with them. Throws InputError naming the field.
   */
  parseEntries(entries: EntryStrings, runtime: string): unknown;
  /** FC ignores the hook's handler string beyond its being non-empty (Go, custom runtimes): any two are the same hook. */
  handlerIsLabel?: boolean;
  code?: CodeHooks;
  http?: HttpHooks;
}

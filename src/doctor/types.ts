import type { HookConfig, HookKind, Project, Resource } from '../project/types.ts';
import type { SourceFile } from '../source/file.ts';
export type Severity = 'error' | 'warning';

/** One problem, as printed: `file:line: severity: rule: message`. `file` is absolute until output. */
export interface Finding {
  file: string;
  line: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** What a rule reports; the engine adds the rule's id and severity. */
export type Hit = Omit<Finding, 'severity' | 'rule'>;

/** The project model the rules check is the one reader's (src/project/types.ts). */
export type { Family, HookConfig, HookKind, Project, Resource, YamlValue } from '../project/types.ts';

export interface Rule {
  id: string;
  severity: Severity;
  check(resource: Resource, project: Project): Hit[];
}

/** Whether a configured hook string names something that exists in the code. */
export type HookTarget = { found: true } | { found: false; why: string; fix: string };

/** A hook implemented in code (a function, a registration, an interface), found by `hooksInCode`. */
export interface HookInCode {
  kind: HookKind;
  file: string;
  line: number;
  /** How the code spells it, e.g. `function initialize` or `fc.RegisterPreStopFunction`. */
  what: string;
}

/** What one language knows about a resource's code, for the rules shared by all languages. */
export interface CodeModel {
  /** Resolves an active hook's string against the code; undefined when the code cannot be read. */
  resolveHook(resource: Resource, hook: HookConfig, project: Project): HookTarget | undefined;
  /** Hooks present in the code, whether or not s.yaml configures them. */
  hooksInCode(resource: Resource, project: Project): HookInCode[];
  /** The body of the function FC sends requests to (built-in runtimes); undefined when it cannot be read. */
  handlerCode?(resource: Resource, project: Project): HandlerCode | undefined;
}

/** A stretch of a source file: a function's body, or a whole file. */
export interface CodeRange {
  file: SourceFile;
  start: number;
  end: number;
}

/** The request handler's body; `callback` names its callback parameter (Node.js 16 and older). */
export interface HandlerCode extends CodeRange {
  callback?: string;
}

import type { RuntimeFamily } from '../runtimes/index.ts';
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

/** The two FC 3.0 hooks (spec §1.1), by their key under instanceLifecycleConfig. */
export type HookSlot = 'initializer' | 'preStop';
export const HOOK_SLOTS: readonly HookSlot[] = ['initializer', 'preStop'];

/** One value read from s.yaml, with the line of its key. */
export interface YamlValue {
  /** The value after `${vars.…}` substitution (undefined when it cannot be resolved locally). */
  value: unknown;
  line: number;
}

/** One `instanceLifecycleConfig.<slot>` entry as written in s.yaml. */
export interface HookConfig {
  slot: HookSlot;
  /** Line of the `initializer:` / `preStop:` key. */
  line: number;
  handler?: YamlValue;
  command?: YamlValue;
  timeout?: YamlValue;
  /** The handler when it is a non-empty string (what FC resolves against the code). */
  entry?: string;
  /** Whether `command` holds anything (a non-empty list or string). */
  hasCommand: boolean;
  /** On: a non-empty handler of any type, or a command. The empty form (handler "") switches a hook off. */
  active: boolean;
}

/** The language family of an FC runtime id; undefined for ids the doctor does not know. */
/** A runtime family, as runtimeFamily (src/runtimes) names it. */
export type Family = RuntimeFamily;

/** One fc3 resource of s.yaml. */
export interface Resource {
  key: string;
  /** Line of the resource key. */
  line: number;
  runtime?: string;
  family?: Family;
  /** The function's `handler` when it is a string. */
  handler?: string;
  /** Absolute path `code` points at (a directory, or a .jar/.zip file); undefined for OSS code or none. */
  code?: string;
  /** The hook slots present in s.yaml; a missing key is undefined. */
  hooks: Partial<Record<HookSlot, HookConfig>>;
  /** Whether `gpuConfig` is set (a GPU function, spec §1.10). */
  gpu: boolean;
  /** `customRuntimeConfig` (custom runtimes) or `customContainerConfig` (custom-container) as plain data. */
  custom?: Record<string, unknown>;
  /** The function's own props that `run` builds the FC context from (undefined when not set or not local). */
  functionName?: string;
  region?: string;
  timeout?: number;
  memorySize?: number;
  /** `environmentVariables` as written (`${env(X)}` references are left for the caller to resolve). */
  environmentVariables?: Record<string, unknown>;
}

export interface Project {
  /** Absolute project directory (where s.yaml is). */
  root: string;
  /** Absolute path of s.yaml (or s.yml). */
  sYaml: string;
  resources: Resource[];
}

export interface Rule {
  id: string;
  severity: Severity;
  check(resource: Resource, project: Project): Hit[];
}

/** Whether a configured hook string names something that exists in the code. */
export type HookTarget = { found: true } | { found: false; why: string; fix: string };

/** A hook implemented in code (a function, a registration, an interface), found by `hooksInCode`. */
export interface HookInCode {
  slot: HookSlot;
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

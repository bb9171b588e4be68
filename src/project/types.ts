// The model of an existing FC project as read from its s.yaml: the one vocabulary of the doctor, the
// hook editor (add/remove, plop hook/unhook) and `run`. In a module of its own, without the YAML
// library, so the API's declarations need none.
import type { RuntimeFamily } from '../runtimes/index.ts';

/** The two FC 3.0 hooks (spec §1.1), by their key under instanceLifecycleConfig. */
export type HookKind = 'initializer' | 'preStop';
export const HOOK_KINDS: readonly HookKind[] = ['initializer', 'preStop'];
export const HOOK_LABELS: Record<HookKind, string> = { initializer: 'Initializer', preStop: 'PreStop' };
/** The CLI flag of each hook, also the field named in its errors. */
export const HOOK_FLAGS: Record<HookKind, 'initializer' | 'pre-stop'> = { initializer: 'initializer', preStop: 'pre-stop' };

/** One value read from s.yaml, with the line of its key. */
export interface YamlValue {
  /** The value after `${vars.…}` substitution (undefined when it cannot be resolved locally). */
  value: unknown;
  line: number;
}

/** One `instanceLifecycleConfig.<kind>` entry as written in s.yaml. */
export interface HookConfig {
  kind: HookKind;
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
  /** The hooks present in s.yaml; a missing key is undefined. */
  hooks: Partial<Record<HookKind, HookConfig>>;
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

/** The one fc3 resource of an existing project that add/remove edit (src/project/open.ts). */
export interface HookProject {
  /** Absolute directory of s.yaml. */
  root: string;
  /** Absolute path of s.yaml. */
  sYamlPath: string;
  /** Key of the fc3 resource under `resources`. */
  resource: string;
  runtime: string;
  /** props.handler, or '' when there is none (custom runtimes). */
  handler: string;
  /** Absolute path of props.code when it names a directory. */
  codeDir?: string;
}

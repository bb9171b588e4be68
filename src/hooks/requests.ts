// What add/remove take and give (the programmatic API's and the plop generators' types), apart from
// the planning in index.ts. No YAML library here, so the API's declarations need none.
import type { HookKind, HookState } from './types.ts';

/** What the hook prompts need to know about a project before asking. */
export interface ProjectInfo {
  root: string;
  resource: string;
  runtime: string;
  handler: string;
  hooks: Record<HookKind, HookState>;
  /** Entry each hook gets when none is given. */
  defaults: Record<HookKind, string>;
  /** Validates a hook entry for this project: undefined when fine, else the rule it breaks. */
  checkEntry(kind: HookKind, entry: string): string | undefined;
}

/** One file the plan changes. */
export interface FileChange {
  /** Absolute path. */
  path: string;
  before: string;
  after: string;
}

export interface HookPlan {
  root: string;
  resource: string;
  runtime: string;
  /** Files to write; empty when everything asked for is already there. */
  changes: FileChange[];
  /** What was found and what would change, one line each, for the user. */
  notes: string[];
  /** Things the user must do that the tool cannot (custom runtimes: serve a route). */
  warnings: string[];
}

export interface AddHooksRequest {
  dir: string;
  resource?: string;
  /** The hook's entry, or true for the one s.yaml has (when on) or the default; undefined leaves the hook alone. */
  initializer?: string | true;
  preStop?: string | true;
  /** A GPU custom container's command-type initializer (run by /bin/sh -c), instead of `initializer`. */
  initializerCommand?: string;
  initializerTimeout?: string | number;
  preStopTimeout?: string | number;
  /** The notes say what would change ("would add") rather than what did. */
  dryRun?: boolean;
}

export interface RemoveHooksRequest {
  dir: string;
  resource?: string;
  initializer?: boolean;
  preStop?: boolean;
}

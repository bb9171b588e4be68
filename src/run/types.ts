// What the instance timeline and the per-family runners exchange. A runner starts one instance of the
// function (a child process, or a server) and makes the calls FC makes to it; the timeline decides
// which calls, in which order, with which timeouts (spec §5).
import type { HookKind, Project, Resource } from '../project/types.ts';

/** A call FC makes to an instance: a lifecycle hook or an invocation of the handler. */
export type CallKind = HookKind | 'invoke';

/** The FC context every call carries (built from s.yaml, spec §1.2-1.9 "Context"). */
export interface FcContext {
  requestId: string;
  function: { name: string; handler: string; memory: number; timeout: number };
  region: string;
  accountId: string;
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken: string };
}

/** Everything a runner needs about the function it starts. */
export interface RunTarget {
  /** The project's folder (where s.yaml is). */
  root: string;
  /** `code` is the directory the instance runs in; `declaredCode` what s.yaml names (a jar, say), if local. */
  resource: Resource & { runtime: string; code: string; declaredCode?: string };
  /** The entry s.yaml gives each call kind (a hook's handler string, or the function's handler). */
  entries: Partial<Record<CallKind, string>>;
  /** The command of a command initializer (spec §1.10), run with /bin/sh -c in the code directory. */
  initializerCommand?: string;
  /** The function's environment: s.yaml's environmentVariables resolved, plus FC's FC_* variables. */
  env: Record<string, string>;
  /** The context without its request id. */
  context: Omit<FcContext, 'requestId'>;
  /** For custom runtimes and containers: the port FC_CUSTOM_LISTEN_PORT names. */
  port: number;
}

/** How one call ended, as FC reports it. */
export interface CallOutcome {
  ok: boolean;
  /** The handler's answer (invocations), as text. */
  result?: string;
  /** The X-Fc-Error-Type FC would answer with, e.g. InitializationError, UnhandledInvocationError. */
  errorType?: string;
  errorMessage?: string;
  /** Whether the instance survived the call; FC restarts it when not (a timeout, a crash, a 500). */
  instanceAlive: boolean;
}

/** One started instance. `call` never throws: every failure is a CallOutcome. */
export interface Instance {
  call(kind: CallKind, context: FcContext, event: string, timeoutMs: number): Promise<CallOutcome>;
  /** Ends the instance (FC destroys it after PreStop); idempotent. */
  stop(): Promise<void>;
}

/** Where an instance's own output (its log lines) goes, line by line. */
export type LogSink = (line: string) => void;

/** The runner part of a runtime family: checks the toolchain and build, and starts instances. */
export interface Runner {
  /** Throws RunSetupError (exit 2) when the toolchain is missing or the project is not built. */
  prepare(target: RunTarget, workDir: string): Promise<void>;
  start(target: RunTarget, workDir: string, log: LogSink): Promise<Instance>;
  /**
   * The directory the instance runs in when the family decides it rather than s.yaml's `code` as it is
   * (a container's Dockerfile folder; the source of a build output not built yet); undefined: `code`,
   * which must then exist. Fails with a one-line InputError when the family finds none.
   */
  codeDir?(project: Project, resource: Resource): string | undefined;
}

/** A missing toolchain or an unbuilt project: one line naming what to install or build, exit 2. */
export class RunSetupError extends Error {
  override name = 'RunSetupError';
}

/** The instance never came up (e.g. its server did not listen where FC looks): FC's FunctionNotStarted. */
export class InstanceStartError extends Error {
  override name = 'InstanceStartError';
}

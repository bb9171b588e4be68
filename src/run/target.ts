// Builds what a runner needs from one fc3 resource of s.yaml (read by the one project reader, src/project/):
// entries, timeouts, the FC context and the function's environment (spec §1.8 "Other env vars").
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail } from '../errors.ts';
import type { HookKind, Project, Resource } from '../project/types.ts';
import type { Runner, RunTarget } from './types.ts';

/** fc3 sends 3 s for a hook without a timeout (spec "Corrections"); 3 s is also the API's function default. */
const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_PORT = 9000;
/** The local variables a child needs to find its toolchain; FC's instances have their own. */
const LOCAL_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'JAVA_HOME', 'PYTHONPATH'];

/** The resource `--resource` names, or the only one. */
export function chooseResource(project: Project, key: string | undefined): Resource {
  if (key !== undefined) {
    const found = project.resources.find((resource) => resource.key === key);
    if (!found) fail('--resource', `no fc3 resource "${key}" in s.yaml (there are: ${project.resources.map((r) => r.key).join(', ')})`);
    return found;
  }
  if (project.resources.length > 1) {
    fail('--resource', `s.yaml has ${project.resources.length} fc3 resources (${project.resources.map((r) => r.key).join(', ')}): name one`);
  }
  return project.resources[0]!;
}

/** A hook's timeout in seconds, as FC enforces it. */
export function hookTimeout(resource: Resource, kind: HookKind): number {
  const value = resource.hooks[kind]?.timeout?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_TIMEOUT_S;
}

export function functionTimeout(resource: Resource): number {
  return resource.timeout !== undefined && resource.timeout > 0 ? resource.timeout : DEFAULT_TIMEOUT_S;
}

/** `${env(NAME)}` in environmentVariables, resolved from the local environment as `s deploy` does. */
function resolveEnv(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\$\{\s*env\(\s*['"]?([\w.-]+)['"]?\s*\)\s*\}/g, (_, name: string) => process.env[name] ?? '');
}

/**
 * For a family whose `code` is a build output (a jar, a publish folder): the project's root while that
 * output is not built yet, so its runner can say what to build; undefined once it is there.
 */
export function rootUntilBuilt(project: Project, resource: Resource): string | undefined {
  return resource.code !== undefined && !existsSync(resource.code) ? project.root : undefined;
}

/** The code directory: where the runner says, else `code` (a directory, or the folder of a file such as a jar). */
function codeDir(project: Project, resource: Resource, runner: Runner | undefined): string {
  const chosen = runner?.codeDir?.(project, resource);
  if (chosen !== undefined) return chosen;
  if (!resource.code) fail('s.yaml', `resources.${resource.key}.props.code is missing or not a local path`);
  if (!existsSync(resource.code)) fail('s.yaml', `resources.${resource.key}.props.code: ${resource.code} does not exist`);
  return statSync(resource.code).isDirectory() ? resource.code : dirname(resource.code);
}

function activeEntry(resource: Resource, kind: HookKind): string | undefined {
  const hook = resource.hooks[kind];
  return hook?.active && !hook.hasCommand ? String(hook.handler?.value) : undefined;
}

function commandText(command: unknown): string {
  if (typeof command === 'string') return command;
  const parts = (command as unknown[]).map(String);
  if (parts.length >= 3 && /(^|\/)(ba|z|c)?sh$/.test(parts[0]!) && parts[1] === '-c') return parts.slice(2).join(' ');
  return parts.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** The target of `run`; `runner` is the runner of the resource's family (undefined when its runtime is unknown, which fails here). */
export function buildTarget(project: Project, resource: Resource, port: number | undefined, runner: Runner | undefined): RunTarget {
  const runtime = resource.runtime;
  if (!runtime) fail('s.yaml', `resources.${resource.key}.props.runtime is missing`);
  if (!resource.family) fail('s.yaml', `resources.${resource.key}.props.runtime "${runtime}" is not an FC 3.0 runtime run knows`);
  const code = codeDir(project, resource, runner);
  const handler = resource.handler ?? 'index.handler';
  const name = resource.functionName ?? resource.key;
  const memory = resource.memorySize ?? 512;
  const region = resource.region ?? 'cn-hangzhou';
  const credentials = {
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? 'local-access-key-id',
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? 'local-access-key-secret',
    securityToken: process.env.ALIBABA_CLOUD_SECURITY_TOKEN ?? 'local-security-token',
  };
  const accountId = process.env.FC_ACCOUNT_ID ?? '1234567890123456';
  const listenPort = port ?? (typeof resource.custom?.port === 'number' ? resource.custom.port : DEFAULT_PORT);
  const user = Object.fromEntries(Object.entries(resource.environmentVariables ?? {}).map(([key, value]) => [key, resolveEnv(value)]));
  const local = Object.fromEntries(LOCAL_ENV.filter((key) => process.env[key] !== undefined).map((key) => [key, process.env[key]!]));
  // A PATH from s.yaml names FC's folders (/var/fc/lang/...); the local one follows it, so the local toolchain is found.
  if (user.PATH !== undefined && local.PATH !== undefined) user.PATH = `${user.PATH}:${local.PATH}`;
  const initializer = resource.hooks.initializer;
  return {
    root: project.root,
    resource: { ...resource, runtime, code, ...(resource.code !== undefined && { declaredCode: resource.code }) },
    entries: { invoke: handler, initializer: activeEntry(resource, 'initializer'), preStop: activeEntry(resource, 'preStop') },
    ...(initializer?.active && initializer.hasCommand && { initializerCommand: commandText(initializer.command!.value) }),
    env: {
      ...local,
      ...user,
      FC_FUNCTION_NAME: name,
      FC_FUNCTION_HANDLER: handler,
      FC_FUNCTION_MEMORY_SIZE: String(memory),
      FC_FUNC_CODE_PATH: code,
      FC_REGION: region,
      FC_ACCOUNT_ID: accountId,
      FC_INSTANCE_ID: 'local-instance',
      FC_CUSTOM_LISTEN_PORT: String(listenPort),
      ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: credentials.securityToken,
    },
    context: { function: { name, handler, memory, timeout: functionTimeout(resource) }, region, accountId, credentials },
    port: listenPort,
  };
}

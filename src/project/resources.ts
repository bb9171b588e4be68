// The fc3 resources of a parsed s.yaml, as the doctor, the hook editor and `run` see them.
import { resolve } from 'node:path';
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { runtimeFamily } from '../runtimes/index.ts';
import { HOOK_KINDS, type HookConfig, type HookKind, type Resource } from './types.ts';
import type { YamlReader } from './yaml-reader.ts';

/** `fc3`, `devsapp/fc3`, `fc3@0.1.x`: the Serverless Devs component for FC 3.0 (spec §3.2). */
const FC3_COMPONENT = /^(devsapp\/)?fc3(@.+)?$/;

/** One resource whose component is fc3, with its `props` when they are a mapping. */
export interface Fc3Entry {
  key: string;
  keyNode: Node;
  props?: YAMLMap;
}

/** The resources whose component is fc3, in s.yaml's order. */
export function fc3Entries(reader: YamlReader, top: unknown): Fc3Entry[] {
  const resources = isMap(top) ? reader.map(top, 'resources') : undefined;
  if (!resources) return [];
  return resources.items.flatMap((pair) => {
    const resource = reader.deref(pair.value);
    if (!isScalar(pair.key) || !isMap(resource)) return [];
    const component = reader.plainValue(resource, 'component');
    if (typeof component !== 'string' || !FC3_COMPONENT.test(component)) return [];
    const props = reader.map(resource, 'props');
    return [{ key: String(pair.key.value), keyNode: pair.key, ...(props && { props }) }];
  });
}

/**
 * Whether s.yaml is in the Serverless Devs 2.x format (`services:` with component fc, or an edition
 * other than 3.0.0), which fc3 cannot deploy until `s cli fc3 s2tos3` converts it.
 */
export function isServerlessDevs2(reader: YamlReader, top: unknown): boolean {
  if (!isMap(top)) return false;
  const edition = reader.get(top, 'edition');
  return reader.get(top, 'services') !== undefined || (edition !== undefined && reader.data(edition.value) !== '3.0.0');
}

/** `code` as written: the string, or `code.src`; `${vars.x}` resolved. */
export function codePath(reader: YamlReader, props: YAMLMap): unknown {
  const code = reader.plainValue(props, 'code');
  return typeof code === 'string' ? code : (code as { src?: unknown } | undefined)?.src;
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function readHook(reader: YamlReader, lifecycle: YAMLMap, kind: HookKind): HookConfig | undefined {
  const found = reader.get(lifecycle, kind);
  if (!found) return undefined;
  const hook = isMap(found.value) ? found.value : undefined;
  const handler = hook && reader.value(hook, 'handler');
  const command = hook && reader.value(hook, 'command');
  const timeout = hook && reader.value(hook, 'timeout');
  const hasCommand = isNonEmpty(command?.value);
  // Set one by one, in the same order: a spread per optional part cost a copy of the object each, four per hook.
  const config: Omit<HookConfig, 'hasCommand' | 'active'> = { kind, line: reader.line(found.keyNode) };
  if (handler) config.handler = handler;
  if (command) config.command = command;
  if (timeout) config.timeout = timeout;
  if (typeof handler?.value === 'string' && handler.value !== '') config.entry = handler.value;
  return Object.assign(config, { hasCommand, active: isNonEmpty(handler?.value) || hasCommand });
}

/** One fc3 resource's props as the model has them; `root` is what `code` is relative to. */
export function readResource(reader: YamlReader, root: string, key: string, keyNode: Node, props: YAMLMap): Resource {
  const runtime = reader.plainValue(props, 'runtime');
  const handler = reader.plainValue(props, 'handler');
  const code = codePath(reader, props);
  const lifecycle = reader.map(props, 'instanceLifecycleConfig');
  const hooks: Resource['hooks'] = {};
  for (const kind of HOOK_KINDS) {
    const hook = lifecycle && readHook(reader, lifecycle, kind);
    if (hook) hooks[kind] = hook;
  }
  const customKey = runtime === 'custom-container' ? 'customContainerConfig' : 'customRuntimeConfig';
  const custom = reader.map(props, customKey) && reader.value(props, customKey);
  const text = (name: string) => {
    const value = reader.plainValue(props, name);
    return typeof value === 'string' ? value : undefined;
  };
  const number = (name: string) => {
    const value = reader.plainValue(props, name);
    return typeof value === 'number' ? value : undefined;
  };
  const environment = reader.map(props, 'environmentVariables') && reader.value(props, 'environmentVariables');
  const functionProps = {
    functionName: text('functionName'),
    region: text('region'),
    timeout: number('timeout'),
    memorySize: number('memorySize'),
    environmentVariables: environment ? (environment.value as Record<string, unknown>) : undefined,
  };
  return {
    key,
    line: reader.line(keyNode),
    ...(typeof runtime === 'string' && { runtime, family: runtimeFamily(runtime) }),
    ...(typeof handler === 'string' && { handler }),
    ...(typeof code === 'string' && { code: resolve(root, code) }),
    hooks,
    gpu: reader.get(props, 'gpuConfig') !== undefined,
    ...(custom && { custom: custom.value as Record<string, unknown> }),
    ...Object.fromEntries(Object.entries(functionProps).filter(([, value]) => value !== undefined)),
  };
}

// Reads a project's s.yaml into the fc3 resources the rules check, keeping the line of every value
// (parseDocument + LineCounter), so each finding points at the line to fix.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { fail } from '../errors.ts';
import { MAX_S_YAML_BYTES, readRegularFileSync } from '../safe-fs.ts';
import { runtimeFamily } from '../runtimes/index.ts';
import { HOOK_SLOTS, type HookConfig, type HookSlot, type Project, type Resource, type YamlValue } from './types.ts';
import { yamlErrorRule } from '../yaml-error.ts';
import { yamlData } from '../yaml-data.ts';

/** `fc3`, `devsapp/fc3`, `fc3@0.1.x`: the Serverless Devs component for FC 3.0 (spec §3.2). */
const FC3_COMPONENT = /^(devsapp\/)?fc3(@.+)?$/;

class YamlReader {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly vars: unknown,
  ) {}

  line(node: Node): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line;
  }

  /** Follows an alias to the node it names. */
  deref(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /** The value node of `key` in a map, looking through `<<` merge keys as fc3's YAML loader does. */
  get(map: YAMLMap, key: string): { keyNode: Node; value: unknown } | undefined {
    const merged: unknown[] = [];
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? pair.key.value : pair.key;
      if (name === key && isScalar(pair.key)) return { keyNode: pair.key, value: this.deref(pair.value) };
      const isMerge = name === '<<' || (typeof name === 'symbol' && name.description === '<<');
      if (isMerge) {
        const source = this.deref(pair.value);
        merged.push(...(isSeq(source) ? source.items.map((item) => this.deref(item)) : [source]));
      }
    }
    for (const source of merged) {
      const found = isMap(source) ? this.get(source, key) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  map(node: YAMLMap, key: string): YAMLMap | undefined {
    const value = this.get(node, key)?.value;
    return isMap(value) ? value : undefined;
  }

  /** A value with its line; `${vars.x}` references are substituted, other `${…}` make it undefined. */
  value(map: YAMLMap, key: string): YamlValue | undefined {
    const found = this.get(map, key);
    if (!found) return undefined;
    const data = isScalar(found.value) || isMap(found.value) || isSeq(found.value) ? found.value.toJS(this.doc) : null;
    return { value: this.substitute(data), line: this.line(found.keyNode) };
  }

  private substitute(data: unknown): unknown {
    if (typeof data !== 'string' || !data.includes('${')) return data;
    const whole = /^\$\{\s*vars\.([\w.-]+)\s*\}$/.exec(data);
    if (whole) return this.lookup(whole[1]!);
    const text = data.replace(/\$\{\s*vars\.([\w.-]+)\s*\}/g, (ref, path: string) => {
      const value = this.lookup(path);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : ref;
    });
    return text.includes('${') ? undefined : text;
  }

  private lookup(path: string): unknown {
    let value = this.vars;
    for (const part of path.split('.')) {
      // Own keys only: `${vars.constructor}` is not a variable.
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value;
  }
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function readHook(reader: YamlReader, lifecycle: YAMLMap, slot: HookSlot): HookConfig | undefined {
  const found = reader.get(lifecycle, slot);
  if (!found) return undefined;
  const hook = isMap(found.value) ? found.value : undefined;
  const handler = hook && reader.value(hook, 'handler');
  const command = hook && reader.value(hook, 'command');
  const timeout = hook && reader.value(hook, 'timeout');
  const hasCommand = isNonEmpty(command?.value);
  return {
    slot,
    line: reader.line(found.keyNode),
    ...(handler && { handler }),
    ...(command && { command }),
    ...(timeout && { timeout }),
    ...(typeof handler?.value === 'string' && handler.value !== '' && { entry: handler.value }),
    hasCommand,
    active: isNonEmpty(handler?.value) || hasCommand,
  };
}

function readResource(reader: YamlReader, root: string, key: string, keyNode: Node, props: YAMLMap): Resource {
  const runtime = reader.value(props, 'runtime')?.value;
  const handler = reader.value(props, 'handler')?.value;
  const code = reader.value(props, 'code')?.value;
  const codePath = typeof code === 'string' ? code : (code as { src?: unknown } | undefined)?.src;
  const lifecycle = reader.map(props, 'instanceLifecycleConfig');
  const hooks: Resource['hooks'] = {};
  for (const slot of HOOK_SLOTS) {
    const hook = lifecycle && readHook(reader, lifecycle, slot);
    if (hook) hooks[slot] = hook;
  }
  const customKey = runtime === 'custom-container' ? 'customContainerConfig' : 'customRuntimeConfig';
  const custom = reader.map(props, customKey) && reader.value(props, customKey);
  const text = (name: string) => {
    const value = reader.value(props, name)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const number = (name: string) => {
    const value = reader.value(props, name)?.value;
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
    ...(typeof codePath === 'string' && { code: resolve(root, codePath) }),
    hooks,
    gpu: reader.get(props, 'gpuConfig') !== undefined,
    ...(custom && { custom: custom.value as Record<string, unknown> }),
    ...Object.fromEntries(Object.entries(functionProps).filter(([, value]) => value !== undefined)),
  };
}

/**
 * Finds s.yaml (or s.yml) in `dir` and reads its fc3 resources. Bad input throws InputError, naming
 * the directory as the user gave it (`label`) and the command that read it (`command`, in the hint).
 */
export function loadProject(dir: string, label = dir, command = 'the doctor'): Project {
  if (!existsSync(dir)) fail('dir', `"${label}" does not exist`);
  if (!statSync(dir).isDirectory()) fail('dir', `"${label}" is not a directory`);
  const sYaml = ['s.yaml', 's.yml'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!sYaml) fail('dir', `no s.yaml or s.yml in "${label}" (run ${command} in a Serverless Devs project)`);
  const lineCounter = new LineCounter();
  const text = readRegularFileSync(sYaml, { field: 's.yaml', shown: `${label}/${basename(sYaml)}`, limit: MAX_S_YAML_BYTES }).toString('utf8');
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: false });
  const [error] = doc.errors;
  if (error) fail('s.yaml', yamlErrorRule(text, error));
  const top = doc.contents;
  if (!isMap(top)) fail('s.yaml', 'is not a YAML mapping with `resources:`');
  const reader = new YamlReader(doc, lineCounter, (yamlData(doc) as { vars?: unknown }).vars);
  const resourcesNode = reader.map(top, 'resources');
  if (!resourcesNode) {
    if (reader.get(top, 'services')) fail('s.yaml', 'is in the Serverless Devs 2.x format (services:, component fc); convert it with `s cli fc3 s2tos3` first');
    fail('s.yaml', 'has no `resources:` mapping');
  }
  const resources: Resource[] = [];
  for (const pair of resourcesNode.items) {
    const resource = reader.deref(pair.value);
    if (!isScalar(pair.key) || !isMap(resource)) continue;
    const component = reader.value(resource, 'component')?.value;
    const props = reader.map(resource, 'props');
    if (typeof component !== 'string' || !FC3_COMPONENT.test(component) || !props) continue;
    resources.push(readResource(reader, dir, String(pair.key.value), pair.key, props));
  }
  if (resources.length === 0) fail('s.yaml', 'has no fc3 resource (a resource with `component: fc3` and `props:`)');
  return { root: dir, sYaml, resources };
}

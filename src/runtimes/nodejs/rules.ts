// Node.js: whether the exports a `file.export` hook string names are there, their parameters, and the
// callback that nodejs16 and older wait for (spec §1.2), from the module as code.ts reads it.
import { join } from 'node:path';
import { locateDotted, lookUpOnce, readOnce, type Located } from '../../doctor/code.ts';
import { readSource } from '../../source/disk.ts';
import { hooksLeftInCode, namedIn, resolveDotted } from '../../doctor/dotted-model.ts';
import { splitDotted } from '../../source/dotted-file.ts';
import type { CodeModel, Hit, Resource, Rule } from '../../doctor/types.ts';
import { THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { loadedFiles, readModule, type JsFunction, type JsModule } from './code.ts';
import type { SourceFile } from '../../source/file.ts';
import { typeScriptBuildBeside } from './typescript-source.ts';

const usesCallback = (runtime: string) => Number(runtime.replace('nodejs', '')) <= 16;

/**
 * The TypeScript source that builds the entry's file (`--language typescript`: package.json beside the
 * code directory builds src/index.ts into code/index.mjs): its hooks are what the built file will
 * export, and the built file is absent before the first build.
 */
function typeScriptLocated(resource: Resource, entry: string): Located<JsModule> | undefined {
  const parts = splitDotted(entry);
  if (!resource.code || !parts) return undefined;
  const build = typeScriptBuildBeside(resource.code);
  const file = build && build.built === join(resource.code, `${parts.file}.mjs`) ? readSource(build.source) : undefined;
  return file && { file, module: readOnce(file, readModule), name: parts.name };
}

const lookUp = lookUpOnce((resource: Resource, entry: string) =>
  resource.runtime ? typeScriptLocated(resource, entry) ?? locateDotted(resource, entry, loadedFiles(resource.runtime), readModule) : undefined);

/** The function an exported name stands for, when it is written in this file. */
const exportedFunction = (module: JsModule, name: string) => module.exports.get(name)?.fn;

/** The functions behind the entries s.yaml sends to this code (handler and active hooks), each with its file. */
function entryFunctions(resource: Resource) {
  const functions: { entry: string; kind: 'handler' | 'hook'; fn: JsFunction; file: SourceFile }[] = [];
  const add = (entry: string, kind: 'handler' | 'hook') => {
    const found = namedIn(lookUp(resource, entry), exportedFunction);
    if (found) functions.push({ entry, kind, fn: found.fn, file: found.file });
  };
  if (resource.handler) add(resource.handler, 'handler');
  for (const hook of Object.values(resource.hooks)) if (hook.active && hook.entry) add(hook.entry, 'hook');
  return functions;
}

const list = (params: string[]) => `(${params.map((p) => p || '{…}').join(', ')})`;

export const nodejsModel: CodeModel = {
  resolveHook: (resource, hook, project) =>
    resolveDotted(lookUp(resource, hook.entry!), (module, name) => module.exports.has(name), project, {
      missing: (path) => `${path} does not exist (${resource.runtime} loads ${loadedFiles(resource.runtime!).map((e) => `${splitDotted(hook.entry!)!.file}${e}`).join(' or ')})`,
      absent: (name, path) => `${path} exports no \`${name}\``,
      fix: (name, path) => `export ${name} from ${path} as ${usesCallback(resource.runtime!) ? 'function (context, callback)' : 'async (context)'}, or fix the handler string`,
    }),
  handlerCode(resource) {
    const handler = resource.handler ? namedIn(lookUp(resource, resource.handler), exportedFunction) : undefined;
    if (!handler) return undefined;
    const callback = usesCallback(resource.runtime!) ? handler.fn.params[2] : undefined;
    return { file: handler.file, ...handler.fn.body, ...(callback && { callback }) };
  },
  hooksInCode: (resource) =>
    hooksLeftInCode(resource, lookUp, (module) => [...module.exports].map(([name, { line }]) => ({ name, line, what: `export ${name}` }))),
};

/** spec §1.1/§1.2: FC calls a hook with (context, callback) and a handler with (event, context, callback). */
const arity: Rule = {
  id: 'nodejs-arity',
  severity: 'error',
  check(resource) {
    return entryFunctions(resource).flatMap(({ entry, kind, fn, file }): Hit[] => {
      const { params } = fn;
      if (kind === 'handler' && params.length > 3) {
        return [{ file: file.path, line: fn.line, message: `handler ${entry} declares ${params.length} parameters ${list(params)}; FC passes (event, context, callback), so the rest are always undefined` }];
      }
      if (kind === 'hook' && params.length >= 3) {
        return [{ file: file.path, line: fn.line, message: `hook ${entry} declares ${list(params)} like a handler; FC calls a hook with (context, callback) and no event, so \`${params[1]}\` is the callback and \`${params[2]}\` is undefined: declare (context, callback)${usesCallback(resource.runtime!) ? '' : ' or async (context)'}` }];
      }
      if (kind === 'hook' && fn.async && params.length === 2) {
        return [{ file: file.path, line: fn.line, message: `async hook ${entry} declares ${list(params)}; FC passes (context, callback), so \`${params[0]}\` gets the context and \`${params[1]}\` the callback: declare async (context)` }];
      }
      return [];
    });
  },
};

/** spec §1.2: on nodejs16 and older FC waits for the callback; a function that never calls it times out. */
const callback: Rule = {
  id: 'nodejs-callback',
  severity: 'error',
  check(resource) {
    if (!resource.runtime || !usesCallback(resource.runtime)) return [];
    return entryFunctions(resource).flatMap(({ entry, kind, fn, file }): Hit[] => {
      const index = kind === 'handler' ? 2 : 1;
      const shape = kind === 'handler' ? '(event, context, callback)' : '(context, callback)';
      const fix = `declare it as function ${shape} and call callback(null, …) when done`;
      const at = { file: file.path, line: fn.line };
      if (fn.async) return [{ ...at, message: `${kind} ${entry} is async, but ${resource.runtime} ignores the promise and waits for the callback until the timeout: ${fix}` }];
      const name = fn.params[index];
      if (name === undefined) return [{ ...at, message: `${kind} ${entry} declares ${list(fn.params)} without a callback, and ${resource.runtime} waits for the callback until the timeout: ${fix}` }];
      if (!/^[\w$]+$/.test(name)) return [];
      const body = file.bare.slice(fn.body.start, fn.body.end);
      if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(body)) return [];
      return [{ ...at, message: `${kind} ${entry} never calls its callback \`${name}\`, and ${resource.runtime} waits for it until the timeout: call ${name}(null, '') when done (${name}(error) to fail)` }];
    });
  },
};

export const nodejsRules: Rule[] = [arity, callback];

/** The doctor's part of the family (src/runtimes/nodejs/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: nodejsModel,
  rules: nodejsRules,
  handlerGuard: { syntax: 'paren', refusals: String.raw`${THROW}|${UNAVAILABLE}|\breturn\s+Promise\.reject\s*\(`, accessor: 'getResource(context)' },
};

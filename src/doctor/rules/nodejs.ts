// Node.js: the exports a `file.export` hook string names, their parameters, and the callback that
// nodejs16 and older wait for (spec §1.2). Static reading of CommonJS and ES module exports.
import { configuredEntries, locateDotted, shown, kindForName, splitDotted } from '../code.ts';
import { splitTopLevel, type SourceFile } from '../source.ts';
import type { CodeModel, Hit, Resource, Rule } from '../types.ts';

interface JsFunction {
  /** Line of the function's parameter list. */
  line: number;
  /** Parameter names; a destructured parameter is '' and a rest parameter keeps its `...`. */
  params: string[];
  async: boolean;
  /** Offsets of the body (block or expression) in the file. */
  body: { start: number; end: number };
}

interface JsExport {
  line: number;
  /** Undefined when the exported value is not a function written in this file. */
  fn?: JsFunction;
}

interface JsModule {
  exports: Map<string, JsExport>;
  /** False when something exports names this reading cannot list (`module.exports = x`, `export *`). */
  complete: boolean;
}

const skipSpace = (text: string, i: number) => {
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  return i;
};

/** The end of an arrow function's expression body: the first `;` or unbalanced bracket at depth 0. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    } else if ((c === ';' || c === ',') && depth === 0) return i;
  }
  return text.length;
}

function paramNames(list: string): string[] {
  return splitTopLevel(list).map(({ text }) => {
    const name = text.replace(/\s*=[\s\S]*$/, '');
    return /^(\.\.\.)?[\w$]+$/.test(name) ? name : '';
  });
}

/** Reads a function expression (`function …`, `async (…) => …`, `x => …`) starting at `pos`. */
function functionAt(file: SourceFile, pos: number): JsFunction | undefined {
  const src = file.bare;
  let i = skipSpace(src, pos);
  const asyncWord = /async\b\s*/y;
  asyncWord.lastIndex = i;
  const isAsync = asyncWord.test(src);
  if (isAsync) i = asyncWord.lastIndex;
  const keyword = /function\b\s*\*?\s*[\w$]*\s*/y;
  keyword.lastIndex = i;
  let params: string[];
  let after: number;
  if (keyword.test(src)) {
    i = keyword.lastIndex;
    if (src[i] !== '(') return undefined;
    after = file.closing(i);
    if (after < 0) return undefined;
    params = paramNames(src.slice(i + 1, after - 1));
    const open = skipSpace(src, after);
    if (src[open] !== '{') return undefined;
    return { line: file.lineAt(i), params, async: isAsync, body: { start: open, end: file.closing(open) } };
  }
  const single = /([\w$]+)\s*=>/y;
  single.lastIndex = i;
  const singleMatch = single.exec(src);
  if (singleMatch) {
    params = [singleMatch[1]!];
    after = single.lastIndex;
  } else if (src[i] === '(') {
    const close = file.closing(i);
    if (close < 0) return undefined;
    params = paramNames(src.slice(i + 1, close - 1));
    const arrow = skipSpace(src, close);
    if (!src.startsWith('=>', arrow)) return undefined;
    after = arrow + 2;
  } else {
    return undefined;
  }
  const line = file.lineAt(i);
  const bodyStart = skipSpace(src, after);
  const bodyEnd = src[bodyStart] === '{' ? file.closing(bodyStart) : expressionEnd(src, bodyStart);
  return { line, params, async: isAsync, body: { start: bodyStart, end: bodyEnd } };
}

/** A function declared in the file under `name`: `function name(…)` or `const name = <function>`. */
function localFunction(file: SourceFile, name: string): JsFunction | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  const [declared] = file.matches(new RegExp(`(?<![\\w$.])(?:async\\s+)?function\\s*\\*?\\s*${escaped}\\s*\\(`));
  if (declared) return functionAt(file, declared.index);
  const [assigned] = file.matches(new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+${escaped}\\s*=(?![=>])`));
  return assigned && functionAt(file, assigned.index + assigned[0].length);
}

/** The function a value at `pos` evaluates to: written inline, or a name declared in the file. */
function valueAt(file: SourceFile, pos: number): JsFunction | undefined {
  const inline = functionAt(file, pos);
  if (inline) return inline;
  const reference = /\s*([\w$]+)\s*(?=[;,}\n]|$)/y;
  reference.lastIndex = pos;
  const match = reference.exec(file.bare);
  return match ? localFunction(file, match[1]!) : undefined;
}

function readObjectLiteral(file: SourceFile, open: number, module: JsModule): void {
  const close = file.closing(open);
  if (close < 0) {
    module.complete = false;
    return;
  }
  for (const part of splitTopLevel(file.bare.slice(open + 1, close - 1))) {
    const at = open + 1 + part.offset;
    const codeText = file.code.slice(at, at + part.text.length);
    const method = /^(?:async\s+)?([\w$]+)\s*\(/.exec(part.text);
    const keyed = /^(?:([\w$]+)|(['"])([\w$]+)\2)\s*:/.exec(codeText);
    if (part.text.startsWith('...')) module.complete = false;
    else if (method) {
      const paren = at + method[0].length - 1;
      const end = file.closing(paren);
      const open2 = skipSpace(file.bare, end);
      module.exports.set(method[1]!, {
        line: file.lineAt(at),
        fn: { line: file.lineAt(paren), params: paramNames(file.bare.slice(paren + 1, end - 1)), async: /^async\s/.test(part.text), body: { start: open2, end: file.closing(open2) } },
      });
    } else if (keyed) {
      const fn = valueAt(file, at + keyed[0].length);
      module.exports.set(keyed[1] ?? keyed[3]!, { line: file.lineAt(at), ...(fn && { fn }) });
    } else if (/^[\w$]+$/.test(part.text)) {
      const fn = localFunction(file, part.text);
      module.exports.set(part.text, { line: file.lineAt(at), ...(fn && { fn }) });
    } else module.complete = false;
  }
}

/** The names a CommonJS or ES module exports, with the functions behind them where readable. */
function readModule(file: SourceFile): JsModule {
  const module: JsModule = { exports: new Map(), complete: true };
  const add = (name: string, at: number, fn: JsFunction | undefined) => {
    module.exports.set(name, { line: file.lineAt(at), ...(fn && { fn }) });
  };
  for (const m of file.matches(/(?<![\w$.])(?:module\.)?exports\.([\w$]+)\s*=(?![=>])/)) add(m[1]!, m.index, valueAt(file, m.index + m[0].length));
  const quoted = /(?<![\w$.])(?:module\.)?exports\[\s*(['"])([\w$]+)\1\s*\]\s*=(?![=>])/g;
  for (let m = quoted.exec(file.code); m; m = quoted.exec(file.code)) add(m[2]!, m.index, valueAt(file, m.index + m[0].length));
  if (/(?<![\w$.])(?:module\.)?exports\[(?!\s*['"])/.test(file.bare) || /Object\.(assign|defineProperty)\(\s*(module\.)?exports\b/.test(file.bare)) module.complete = false;
  for (const m of file.matches(/(?<![\w$.])module\.exports\s*=(?![=>])\s*/)) {
    const at = m.index + m[0].length;
    if (file.bare[at] === '{') readObjectLiteral(file, at, module);
    else module.complete = false;
  }
  for (const m of file.matches(/(?<![\w$.])export\s+(?:async\s+)?function\s*\*?\s*([\w$]+)\s*\(/)) {
    add(m[1]!, m.index, functionAt(file, m.index + 'export'.length));
  }
  for (const m of file.matches(/(?<![\w$.])export\s+(?:const|let|var)\s+([\w$]+)\s*=(?![=>])/)) add(m[1]!, m.index, valueAt(file, m.index + m[0].length));
  for (const m of file.matches(/(?<![\w$.])export\s*\{([^}]*)\}(\s*from\b)?/)) {
    for (const { text } of splitTopLevel(m[1]!)) {
      const [local, exported = local] = text.split(/\s+as\s+/).map((s) => s.trim());
      add(exported!, m.index, m[2] ? undefined : localFunction(file, local!));
    }
  }
  if (/(?<![\w$.])export\s*\*/.test(file.bare)) module.complete = false;
  return module;
}

/** nodejs16 and older load CommonJS `.js` only; nodejs18+ also load ES modules (`.mjs`), spec §1.2. */
function extensions(runtime: string): string[] {
  return Number(runtime.replace('nodejs', '')) >= 18 ? ['.mjs', '.js', '.cjs'] : ['.js'];
}

const usesCallback = (runtime: string) => Number(runtime.replace('nodejs', '')) <= 16;

const lookUp = (resource: Resource, entry: string) => resource.runtime ? locateDotted(resource, entry, extensions(resource.runtime), readModule) : undefined;

/** The functions behind the entries s.yaml sends to this code (handler and active hooks), each with its file. */
function entryFunctions(resource: Resource) {
  const points: { entry: string; kind: 'handler' | 'hook' }[] = [];
  if (resource.handler) points.push({ entry: resource.handler, kind: 'handler' });
  for (const hook of Object.values(resource.hooks)) if (hook.active && hook.entry) points.push({ entry: hook.entry, kind: 'hook' });
  return points.flatMap((point) => {
    const found = lookUp(resource, point.entry);
    const fn = found && 'module' in found ? found.module.exports.get(found.name)?.fn : undefined;
    return fn && found && 'module' in found ? [{ ...point, fn, file: found.file }] : [];
  });
}

const list = (params: string[]) => `(${params.map((p) => p || '{…}').join(', ')})`;

export const nodejsModel: CodeModel = {
  resolveHook(resource, hook, project) {
    const found = lookUp(resource, hook.entry!);
    if (!found) return undefined;
    // Found (the common case, once per resource) before the messages are built.
    if (!('missing' in found) && (found.module.exports.has(found.name) || !found.module.complete)) return { found: true };
    const path = shown(project, 'missing' in found ? found.missing : found.file.path);
    const fix = `export ${found.name} from ${path} as ${usesCallback(resource.runtime!) ? 'function (context, callback)' : 'async (context)'}, or fix the handler string`;
    if ('missing' in found) return { found: false, why: `${path} does not exist (${resource.runtime} loads ${extensions(resource.runtime!).map((e) => `${splitDotted(hook.entry!)!.file}${e}`).join(' or ')})`, fix };
    return { found: false, why: `${path} exports no \`${found.name}\``, fix };
  },
  handlerCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    const fn = found && 'module' in found ? found.module.exports.get(found.name)?.fn : undefined;
    if (!fn || !found || !('module' in found)) return undefined;
    const callback = usesCallback(resource.runtime!) ? fn.params[2] : undefined;
    return { file: found.file, ...fn.body, ...(callback && { callback }) };
  },
  hooksInCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    if (!found || !('module' in found)) return [];
    const used = new Set(configuredEntries(resource).map((entry) => splitDotted(entry)?.name));
    return [...found.module.exports].flatMap(([name, exported]) => {
      const slot = kindForName(name);
      return slot && !used.has(name) ? [{ kind: slot, file: found.file.path, line: exported.line, what: `export ${name}` }] : [];
    });
  },
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

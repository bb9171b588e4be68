// Python: the module-level function a `file.function` hook string names, and its parameters: FC calls
// initialize(context) and preStop(context), with no event (spec §1.1, §1.3).
import { configuredEntries, locateDotted, shown, kindForName, splitDotted } from '../code.ts';
import type { SourceFile } from '../source.ts';
import type { CodeModel, Hit, Resource, Rule } from '../types.ts';

interface PyFunction {
  line: number;
  params: string[];
  /** Offsets of the body: from the signature's `:` to the next line indented no deeper than the def. */
  body: { start: number; end: number };
}

interface PyModule {
  /** Module-level names: functions (with parameters) and other bindings (assignments, imports). */
  names: Map<string, { line: number; fn?: PyFunction }>;
  /** False after `from x import *`, which binds names this reading cannot list. */
  complete: boolean;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Whether the def on line `index` is at module level: no enclosing `class` or `def` block. */
function atModuleLevel(lines: string[], index: number): boolean {
  let indent = indentOf(lines[index]!);
  for (let i = index - 1; i >= 0 && indent > 0; i -= 1) {
    const line = lines[i]!;
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    if (/^\s*(async\s+)?(def|class)\b/.test(line)) return false;
    indent = indentOf(line);
  }
  return true;
}

function bodyOf(file: SourceFile, def: number, open: number): { start: number; end: number } {
  const start = file.closing(open);
  const indent = indentOf(file.bare.slice(def, file.bare.indexOf('\n', def) >>> 0));
  const after = /\n(?=[ \t]*\S)/g;
  after.lastIndex = start;
  for (let m = after.exec(file.bare); m; m = after.exec(file.bare)) {
    if (indentOf(file.bare.slice(m.index + 1, file.bare.indexOf('\n', m.index + 1) >>> 0)) <= indent) return { start, end: m.index };
  }
  return { start, end: file.bare.length };
}

function readPythonModule(file: SourceFile): PyModule {
  const module: PyModule = { names: new Map(), complete: true };
  const lines = file.bare.split('\n');
  for (const m of file.matches(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/m)) {
    const line = file.lineAt(m.index);
    if (!atModuleLevel(lines, line - 1)) continue;
    const open = m.index + m[0].length - 1;
    module.names.set(m[1]!, { line, fn: { line, params: file.items(open), body: bodyOf(file, m.index, open) } });
  }
  for (const m of file.matches(/^(\w+)[ \t]*(?::[^=\n]+)?=(?!=)/m)) {
    if (!module.names.has(m[1]!)) module.names.set(m[1]!, { line: file.lineAt(m.index) });
  }
  for (const m of file.matches(/^(?:from[ \t]+\S+[ \t]+)?import[ \t]*/m)) {
    const at = m.index + m[0].length;
    const lineEnd = file.bare.indexOf('\n', at);
    const names = file.bare[at] === '(' ? file.items(at) : file.bare.slice(at, lineEnd < 0 ? undefined : lineEnd).split(',');
    for (const text of names.map((name) => name.trim()).filter(Boolean)) {
      if (text === '*') module.complete = false;
      const name = text.split(/\s+as\s+/).pop()!.split('.')[0]!.trim();
      if (!module.names.has(name)) module.names.set(name, { line: file.lineAt(m.index) });
    }
  }
  return module;
}

// A module is a file or a package (spec §1.3: `index.initialize` -> index.py).
const lookUp = (resource: Resource, entry: string) => locateDotted(resource, entry, ['.py', '/__init__.py'], readPythonModule);

export const pythonModel: CodeModel = {
  resolveHook(resource, hook, project) {
    const found = lookUp(resource, hook.entry!);
    if (!found) return undefined;
    // Found (the common case, once per resource) before the messages are built.
    if (!('missing' in found) && (found.module.names.has(found.name) || !found.module.complete)) return { found: true };
    const path = shown(project, 'missing' in found ? found.missing : found.file.path);
    const fix = `define def ${found.name}(context) at module level in ${path}, or fix the handler string`;
    if ('missing' in found) return { found: false, why: `${path} does not exist`, fix };
    return { found: false, why: `${path} has no module-level function \`${found.name}\``, fix };
  },
  handlerCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    const fn = found && 'module' in found ? found.module.names.get(found.name)?.fn : undefined;
    return fn && found && 'module' in found ? { file: found.file, ...fn.body } : undefined;
  },
  hooksInCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    if (!found || 'missing' in found) return [];
    const used = new Set(configuredEntries(resource).map((entry) => splitDotted(entry)?.name));
    return [...found.module.names].flatMap(([name, { line, fn }]) => {
      const slot = kindForName(name);
      return slot && fn && !used.has(name) ? [{ kind: slot, file: found.file.path, line, what: `def ${name}` }] : [];
    });
  },
};

/**
 * How a Python parameter list takes FC's single positional argument (the context): the positional
 * parameters, how many of them are required, and the required keyword-only ones.
 */
function callShape(params: string[]) {
  let positional = 0;
  let required = 0;
  let varargs = false;
  let keywordOnly = false;
  const requiredKeywords: string[] = [];
  for (const param of params) {
    const name = param.split(/[:=]/)[0]!.trim();
    const hasDefault = param.includes('=');
    if (name === '/' || name.startsWith('**')) continue;
    if (name.startsWith('*')) {
      varargs ||= name !== '*';
      keywordOnly = true;
    } else if (keywordOnly) {
      if (!hasDefault) requiredKeywords.push(name);
    } else {
      positional += 1;
      if (!hasDefault) required += 1;
    }
  }
  return { positional, required, varargs, requiredKeywords };
}

/** spec §1.1/§1.3: FC calls a Python hook as hook(context); (event, context) raises TypeError. */
const hookSignature: Rule = {
  id: 'python-hook-signature',
  severity: 'error',
  check(resource) {
    return Object.values(resource.hooks).flatMap((hook): Hit[] => {
      const found = hook.active && hook.entry ? lookUp(resource, hook.entry) : undefined;
      const fn = found && 'module' in found ? found.module.names.get(found.name)?.fn : undefined;
      if (!found || 'missing' in found || !fn) return [];
      const shape = callShape(fn.params);
      const declared = `def ${found.name}(${fn.params.join(', ')})`;
      const at = { file: found.file.path, line: fn.line };
      if (shape.required > 1) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} is ${declared}, but FC calls it with the context only (no event), so it raises TypeError: declare def ${found.name}(context)` }];
      }
      if (shape.positional === 0 && !shape.varargs) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} is ${declared}, but FC passes it the context, so it raises TypeError: declare def ${found.name}(context)` }];
      }
      if (shape.requiredKeywords.length > 0) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} requires keyword argument(s) ${shape.requiredKeywords.join(', ')} that FC never passes, so it raises TypeError: declare def ${found.name}(context)` }];
      }
      return [];
    });
  },
};

export const pythonRules: Rule[] = [hookSignature];

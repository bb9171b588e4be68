// PHP: the global function a `file.function` hook string names (case-insensitive, as PHP function
// names are), and its parameters: FC calls initialize($context) and preStop($context) (spec §1.4).
import { configuredEntries, locateDotted, shown, kindForName, splitDotted } from '../code.ts';
import type { SourceFile } from '../source.ts';
import type { CodeModel, Hit, Resource, Rule } from '../types.ts';

interface PhpModule {
  /** Global functions by lower-cased name. */
  functions: Map<string, { name: string; line: number; params: string[]; body?: { start: number; end: number } }>;
  /** False when the file includes other files, which may define more functions. */
  complete: boolean;
}

function readPhpModule(file: SourceFile): PhpModule {
  const classes: [number, number][] = [];
  for (const m of file.matches(/\b(?:class|trait|interface)\s+\w+[^{;]*\{/)) {
    const open = m.index + m[0].length - 1;
    classes.push([open, file.closing(open)]);
  }
  const functions: PhpModule['functions'] = new Map();
  for (const m of file.matches(/\bfunction\s+&?\s*(\w+)\s*\(/)) {
    if (classes.some(([start, end]) => m.index > start && m.index < end)) continue;
    const open = m.index + m[0].length - 1;
    functions.set(m[1]!.toLowerCase(), { name: m[1]!, line: file.lineAt(m.index), params: file.items(open), body: file.bodyAfter(open) });
  }
  return { functions, complete: !/\b(?:require|include)(?:_once)?\b/.test(file.bare) };
}

const lookUp = (resource: Resource, entry: string) => locateDotted(resource, entry, ['.php'], readPhpModule);

export const phpModel: CodeModel = {
  resolveHook(resource, hook, project) {
    const found = lookUp(resource, hook.entry!);
    if (!found) return undefined;
    // Found (the common case, once per resource) before the messages are built.
    if (!('missing' in found) && (found.module.functions.has(found.name.toLowerCase()) || !found.module.complete)) return { found: true };
    const path = shown(project, 'missing' in found ? found.missing : found.file.path);
    const fix = `define function ${found.name}($context) in ${path}, or fix the handler string`;
    if ('missing' in found) return { found: false, why: `${path} does not exist`, fix };
    return { found: false, why: `${path} has no global function \`${found.name}\``, fix };
  },
  handlerCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    const body = found && 'module' in found ? found.module.functions.get(found.name.toLowerCase())?.body : undefined;
    return body && found && 'module' in found ? { file: found.file, ...body } : undefined;
  },
  hooksInCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    if (!found || 'missing' in found) return [];
    const used = new Set(configuredEntries(resource).map((entry) => splitDotted(entry)?.name.toLowerCase()));
    return [...found.module.functions.values()].flatMap(({ name, line }) => {
      const slot = kindForName(name);
      return slot && !used.has(name.toLowerCase()) ? [{ kind: slot, file: found.file.path, line, what: `function ${name}` }] : [];
    });
  },
};

/** spec §1.1/§1.4: FC calls a PHP hook with the context only; a second required parameter throws ArgumentCountError. */
const hookSignature: Rule = {
  id: 'php-hook-signature',
  severity: 'error',
  check(resource) {
    return Object.values(resource.hooks).flatMap((hook): Hit[] => {
      const found = hook.active && hook.entry ? lookUp(resource, hook.entry) : undefined;
      const fn = found && 'module' in found ? found.module.functions.get(found.name.toLowerCase()) : undefined;
      if (!found || 'missing' in found || !fn) return [];
      const required = fn.params.filter((param) => !param.includes('=') && !param.includes('...'));
      if (required.length <= 1) return [];
      return [{
        file: found.file.path,
        line: fn.line,
        message: `${hook.kind} hook ${hook.entry} is function ${fn.name}(${fn.params.join(', ')}), but FC calls it with the context only (no event), so PHP throws ArgumentCountError: declare function ${fn.name}($context)`,
      }];
    });
  },
};

export const phpRules: Rule[] = [hookSignature];

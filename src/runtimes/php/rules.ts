// PHP: the global function a `file.function` hook string names (case-insensitive, as PHP function
// names are), and its parameters: FC calls initialize($context) and preStop($context) (spec §1.4).
import { configuredEntries, locateDotted, shown, slotForName } from '../../doctor/code.ts';
import { splitDotted } from '../../source/dotted-file.ts';
import type { CodeModel, Hit, Resource, Rule } from '../../doctor/types.ts';
import { THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { globalFunction, PHP_FILES, readPhpModule } from './code.ts';

const lookUp = (resource: Resource, entry: string) => locateDotted(resource, entry, PHP_FILES, readPhpModule);

export const phpModel: CodeModel = {
  resolveHook(resource, hook, project) {
    const found = lookUp(resource, hook.entry!);
    if (!found) return undefined;
    // Found (the common case, once per resource) before the messages are built.
    if (!('missing' in found) && (globalFunction(found.module, found.name) || !found.module.complete)) return { found: true };
    const path = shown(project, 'missing' in found ? found.missing : found.file.path);
    const fix = `define function ${found.name}($context) in ${path}, or fix the handler string`;
    if ('missing' in found) return { found: false, why: `${path} does not exist`, fix };
    return { found: false, why: `${path} has no global function \`${found.name}\``, fix };
  },
  handlerCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    const body = found && 'module' in found ? globalFunction(found.module, found.name)?.body : undefined;
    return body && found && 'module' in found ? { file: found.file, ...body } : undefined;
  },
  hooksInCode(resource) {
    const found = resource.handler ? lookUp(resource, resource.handler) : undefined;
    if (!found || 'missing' in found) return [];
    const used = new Set(configuredEntries(resource).map((entry) => splitDotted(entry)?.name.toLowerCase()));
    return [...found.module.functions.values()].flatMap(({ name, line }) => {
      const slot = slotForName(name);
      return slot && !used.has(name.toLowerCase()) ? [{ slot, file: found.file.path, line, what: `function ${name}` }] : [];
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
      const fn = found && 'module' in found ? globalFunction(found.module, found.name) : undefined;
      if (!found || 'missing' in found || !fn) return [];
      const required = fn.params.filter((param) => !param.includes('=') && !param.includes('...'));
      if (required.length <= 1) return [];
      return [{
        file: found.file.path,
        line: fn.line,
        message: `${hook.slot} hook ${hook.entry} is function ${fn.name}(${fn.params.join(', ')}), but FC calls it with the context only (no event), so PHP throws ArgumentCountError: declare function ${fn.name}($context)`,
      }];
    });
  },
};

export const phpRules: Rule[] = [hookSignature];

/** The doctor's part of the family (src/runtimes/php/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: phpModel,
  rules: phpRules,
  handlerGuard: { syntax: 'paren', refusals: `${THROW}|${UNAVAILABLE}`, accessor: 'get_resource($context)' },
};

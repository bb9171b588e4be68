// PHP: the global function a `file.function` hook string names (case-insensitive, as PHP function
// names are), and its parameters: FC calls initialize($context) and preStop($context) (spec §1.4).
import { locateDotted, lookUpOnce } from '../../doctor/code.ts';
import { hookFunctions, hooksLeftInCode, namedIn, resolveDotted } from '../../doctor/dotted-model.ts';
import type { CodeModel, Hit, Resource, Rule } from '../../doctor/types.ts';
import { THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { globalFunction, PHP_FILES, readPhpModule } from './code.ts';

const lookUp = lookUpOnce((resource: Resource, entry: string) => locateDotted(resource, entry, PHP_FILES, readPhpModule));

export const phpModel: CodeModel = {
  resolveHook: (resource, hook, project) =>
    resolveDotted(lookUp(resource, hook.entry!), (module, name) => globalFunction(module, name) !== undefined, project, {
      absent: (name, path) => `${path} has no global function \`${name}\``,
      fix: (name, path) => `define function ${name}($context) in ${path}, or fix the handler string`,
    }),
  handlerCode(resource) {
    const handler = resource.handler ? namedIn(lookUp(resource, resource.handler), globalFunction) : undefined;
    return handler?.fn.body && { file: handler.file, ...handler.fn.body };
  },
  hooksInCode: (resource) =>
    hooksLeftInCode(resource, lookUp, (module) => [...module.functions.values()].map(({ name, line }) => ({ name, line, what: `function ${name}` })), (name) => name.toLowerCase()),
};

/** spec §1.1/§1.4: FC calls a PHP hook with the context only; a second required parameter throws ArgumentCountError. */
const hookSignature: Rule = {
  id: 'php-hook-signature',
  severity: 'error',
  check(resource) {
    return hookFunctions(resource, lookUp, globalFunction).flatMap(({ hook, file, fn }): Hit[] => {
      const required = fn.params.filter((param) => !param.includes('=') && !param.includes('...'));
      if (required.length <= 1) return [];
      return [{
        file: file.path,
        line: fn.line,
        message: `${hook.kind} hook ${hook.entry} is function ${fn.name}(${fn.params.join(', ')}), but FC calls it with the context only (no event), so PHP throws ArgumentCountError: declare function ${fn.name}($context)`,
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

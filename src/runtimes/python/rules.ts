// Python: the module-level function a `file.function` hook string names, and its parameters: FC calls
// initialize(context) and preStop(context), with no event (spec §1.1, §1.3).
import { locateDotted, lookUpOnce } from '../../doctor/code.ts';
import { hookFunctions, hooksLeftInCode, namedIn, resolveDotted } from '../../doctor/dotted-model.ts';
import type { CodeModel, Hit, Resource, Rule } from '../../doctor/types.ts';
import { UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { PYTHON_FILES, readPythonModule, type PyModule } from './code.ts';

const lookUp = lookUpOnce((resource: Resource, entry: string) => locateDotted(resource, entry, PYTHON_FILES, readPythonModule));

/** The function a module-level name is bound to, when a def binds it. */
const functionNamed = (module: PyModule, name: string) => module.names.get(name)?.fn;

export const pythonModel: CodeModel = {
  resolveHook: (resource, hook, project) =>
    resolveDotted(lookUp(resource, hook.entry!), (module, name) => module.names.has(name), project, {
      absent: (name, path) => `${path} has no module-level function \`${name}\``,
      fix: (name, path) => `define def ${name}(context) at module level in ${path}, or fix the handler string`,
    }),
  handlerCode(resource) {
    const handler = resource.handler ? namedIn(lookUp(resource, resource.handler), functionNamed) : undefined;
    return handler && { file: handler.file, ...handler.fn.body };
  },
  hooksInCode: (resource) =>
    hooksLeftInCode(resource, lookUp, (module) => [...module.names].flatMap(([name, { line, fn }]) => (fn ? [{ name, line, what: `def ${name}` }] : []))),
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
    return hookFunctions(resource, lookUp, functionNamed).flatMap(({ hook, file, name, fn }): Hit[] => {
      const shape = callShape(fn.params);
      const declared = `def ${name}(${fn.params.join(', ')})`;
      const at = { file: file.path, line: fn.line };
      if (shape.required > 1) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} is ${declared}, but FC calls it with the context only (no event), so it raises TypeError: declare def ${name}(context)` }];
      }
      if (shape.positional === 0 && !shape.varargs) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} is ${declared}, but FC passes it the context, so it raises TypeError: declare def ${name}(context)` }];
      }
      if (shape.requiredKeywords.length > 0) {
        return [{ ...at, message: `${hook.kind} hook ${hook.entry} requires keyword argument(s) ${shape.requiredKeywords.join(', ')} that FC never passes, so it raises TypeError: declare def ${name}(context)` }];
      }
      return [];
    });
  },
};

export const pythonRules: Rule[] = [hookSignature];

/** The doctor's part of the family (src/runtimes/python/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: pythonModel,
  rules: pythonRules,
  handlerGuard: { syntax: 'indent', refusals: String.raw`\braise\b|${UNAVAILABLE}`, accessor: 'get_resource(context)' },
};

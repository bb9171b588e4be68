// Python: the module-level function a `file.function` hook string names, and its parameters: FC calls
// initialize(context) and preStop(context), with no event (spec §1.1, §1.3).
import { configuredEntries, locateDotted, shown, slotForName } from '../../doctor/code.ts';
import { splitDotted } from '../../source/dotted-file.ts';
import type { CodeModel, Hit, Resource, Rule } from '../../doctor/types.ts';
import { UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { PYTHON_FILES, readPythonModule } from './code.ts';

const lookUp = (resource: Resource, entry: string) => locateDotted(resource, entry, PYTHON_FILES, readPythonModule);

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
      const slot = slotForName(name);
      return slot && fn && !used.has(name) ? [{ slot, file: found.file.path, line, what: `def ${name}` }] : [];
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
        return [{ ...at, message: `${hook.slot} hook ${hook.entry} is ${declared}, but FC calls it with the context only (no event), so it raises TypeError: declare def ${found.name}(context)` }];
      }
      if (shape.positional === 0 && !shape.varargs) {
        return [{ ...at, message: `${hook.slot} hook ${hook.entry} is ${declared}, but FC passes it the context, so it raises TypeError: declare def ${found.name}(context)` }];
      }
      if (shape.requiredKeywords.length > 0) {
        return [{ ...at, message: `${hook.slot} hook ${hook.entry} requires keyword argument(s) ${shape.requiredKeywords.join(', ')} that FC never passes, so it raises TypeError: declare def ${found.name}(context)` }];
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
  handlerGuard: { syntax: 'python', refusals: String.raw`\braise\b|${UNAVAILABLE}`, accessor: 'get_resource(context)' },
};

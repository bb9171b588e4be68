// Rules every language shares, answered by the language's CodeModel: does the configured hook exist in
// the code, and is a hook in the code left without configuration.
import { shown } from '../code.ts';
import type { CodeModel, Family, Hit, Rule } from '../types.ts';

/** spec §1.1 (seed 003): FC resolves the hook string like the handler; a missing target fails every instance start or stop. */
export function hookNotFound(models: Partial<Record<Family, CodeModel>>): Rule {
  return {
    id: 'hook-not-found',
    severity: 'error',
    check(resource, project) {
      const model = resource.family && models[resource.family];
      if (!model) return [];
      return Object.values(resource.hooks).flatMap((hook): Hit[] => {
        const target = hook.active && !hook.hasCommand ? model.resolveHook(resource, hook, project) : undefined;
        return target && !target.found
          ? [{ file: project.sYaml, line: (hook.handler ?? hook).line, message: `${hook.kind} handler "${hook.entry}" does not match the code: ${target.why}, so FC fails the hook every time it runs: ${target.fix}` }]
          : [];
      });
    },
  };
}

/**
 * spec §3.4 (seed 003): deleting a hook from s.yaml does not switch it off on older fc3 versions, so
 * code that still implements a hook with no s.yaml entry at all may still be running on the deployed function.
 */
export function hookWithoutConfig(models: Partial<Record<Family, CodeModel>>): Rule {
  return {
    id: 'hook-without-config',
    severity: 'warning',
    check(resource, project) {
      const model = resource.family && models[resource.family];
      if (!model) return [];
      return model.hooksInCode(resource, project).flatMap((found): Hit[] =>
        resource.hooks[found.kind] === undefined
          ? [{ file: found.file, line: found.line, message: `${found.what} is a ${found.kind} hook, but ${shown(project, project.sYaml)} configures no ${found.kind}: if it was deleted from s.yaml, older fc3 versions keep the deployed hook; switch it off with instanceLifecycleConfig.${found.kind}: { handler: "" }, or configure it` }]
          : []);
    },
  };
}

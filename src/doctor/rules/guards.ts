// Code that refuses requests until an initializer ran, in a project whose s.yaml does not run one: a
// handler that throws "the initializer has not run" (older versions of this generator wrote that guard,
// and `remove --initializer` kept it), or a custom server that answers 503 until POST /initialize.
// FC then sends every request to an instance where nothing ran first, and every request fails.
import { join } from 'node:path';
import type { FamilyDoctor } from '../../runtimes/family.ts';
import { readText, statOnce } from '../../source/disk.ts';
import { initializationGuards } from '../guards.ts';
import type { Family, Hit, Resource, Rule } from '../types.ts';

/** A `throw` statement (the refusal of the brace languages). */
export const THROW = String.raw`\bthrow\b`;
/** An HTTP 503 answer (a handler behind an HTTP trigger, or a custom server). */
export const UNAVAILABLE = String.raw`\b503\b`;

/**
 * Why s.yaml has FC run no handler initializer (for messages); undefined when it runs one. `command`
 * is set when the initializer is a command (GPU functions), which FC runs instead of calling the code.
 */
export function initializerOff(resource: Resource): { why: string; command?: unknown } | undefined {
  const hook = resource.hooks.initializer;
  if (!hook) return { why: 's.yaml configures no initializer' };
  const handler = hook.handler?.value;
  if (hook.handler && handler !== '' && handler !== null) return undefined;
  if (hook.hasCommand) {
    const command = hook.command!.value;
    return { why: `the initializer is the command \`${Array.isArray(command) ? command.join(' ') : String(command)}\`, which FC runs instead of calling the code`, command };
  }
  return { why: hook.handler ? 'the initializer is switched off in s.yaml (handler "")' : 'the initializer in s.yaml has no handler' };
}

/** The words of a command initializer, as the shell would split them. */
function commandWords(command: unknown): string[] {
  const parts = Array.isArray(command) ? command.map(String) : [String(command)];
  return parts.flatMap((part) => part.split(/[\s;&|()<>]+/)).map((word) => word.replace(/^['"]+|['"]+$/g, '')).filter(Boolean);
}

/**
 * Whether a command initializer POSTs /initialize: it names the route itself, or runs a script of the
 * code folder that does (the generated /code/warm-up.sh). Undefined when it runs a file outside the
 * project, which cannot be read.
 */
export function commandCallsInitialize(command: unknown, dir: string | undefined): boolean | undefined {
  const words = commandWords(command);
  if (words.some((word) => word.includes('/initialize'))) return true;
  let unreadable = false;
  for (const word of words) {
    const isFile = word.includes('/') || /\.(sh|bash|py|js|mjs|cjs)$/.test(word);
    if (!isFile || /^\/(bin|sbin|usr|etc|dev|proc|tmp)\//.test(word) || /^-/.test(word)) continue;
    const local = dir && join(dir, word.replace(/^\/code\/|^\.\//, ''));
    if (local && statOnce(local)?.isFile()) {
      if (readText(local)!.includes('/initialize')) return true;
    } else unreadable = true;
  }
  return unreadable ? undefined : false;
}

/** The fix both rules give: FC's recommended lazy creation (seed 002), made safe for every hook setting. */
export const lazyFix = (accessor: string) => `reach the resource through one accessor, ${accessor}, that creates it when there is none yet (logging once that it did) and reuses it, and keep the initializer creating it eagerly and idempotently`;

/** A built-in runtime's handler that refuses requests until an initializer that s.yaml does not run has run. */
export function handlerNeedsInitializer(doctors: Partial<Record<Family, FamilyDoctor>>): Rule {
  return {
    id: 'handler-needs-initializer',
    severity: 'error',
    check(resource, project) {
      const doctor = resource.family && doctors[resource.family];
      const language = doctor && doctor.handlerGuard;
      const model = doctor && doctor.model;
      const why = initializerOff(resource)?.why;
      const handler = language && model?.handlerCode && why ? model.handlerCode(resource, project) : undefined;
      if (!language || !model || !why || !handler) return [];
      const callback = handler.callback ? String.raw`|(?<![\w$.])${handler.callback.replace(/\$/g, '\\$')}\s*\(\s*(?!null\b|undefined\b|\))` : '';
      const hasInitializer = model.hooksInCode(resource, project).some((hook) => hook.kind === 'initializer');
      const guards = initializationGuards(handler, { syntax: language.syntax, refusals: new RegExp(language.refusals + callback), hasInitializer, ownCode: handler });
      return guards.map((guard): Hit => ({
        file: handler.file.path,
        line: guard.line,
        message: `handler ${resource.handler} refuses the request when the initializer has not run (if ${guard.condition}), but ${why}, so FC sends requests to instances where it never ran and every request fails: ${lazyFix(language.accessor)}; or configure instanceLifecycleConfig.initializer.handler`,
      }));
    },
  };
}

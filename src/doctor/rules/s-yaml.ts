// Rules on s.yaml alone: how each instanceLifecycleConfig hook is written (spec §1.1, §1.10, §2.3, §3.4).
import type { Hit, HookConfig, Resource, Rule } from '../types.ts';

const hooksOf = (resource: Resource): HookConfig[] => Object.values(resource.hooks);

/** spec §2.3/§3.4: a hook without `timeout` gets the deployed function's value or 3 seconds from fc3. */
const timeoutMissing: Rule = {
  id: 'hook-timeout-missing',
  severity: 'warning',
  check(resource, project) {
    return hooksOf(resource).flatMap((hook): Hit[] =>
      hook.active && hook.timeout === undefined
        ? [{ file: project.sYaml, line: hook.line, message: `${hook.kind} has no timeout, so fc3 sends the deployed value or 3 seconds, and a slower ${hook.kind} fails: add \`timeout: 60\` (seconds) under ${hook.kind}` }]
        : []);
  },
};

/**
 * spec §1.1 (seed 000): a hook handler must be a non-empty string, and `"true"` must be quoted;
 * unquoted, YAML reads `true` (or a number) as another type, not the string FC expects.
 */
const handlerNotString: Rule = {
  id: 'hook-handler-unquoted',
  severity: 'error',
  check(resource, project) {
    return hooksOf(resource).flatMap((hook): Hit[] => {
      const value = hook.handler?.value;
      if (value === undefined || value === null || typeof value === 'string') return [];
      const kind = typeof value === 'boolean' ? 'a YAML boolean' : typeof value === 'number' ? 'a YAML number' : 'not a string';
      return [{ file: project.sYaml, line: hook.handler!.line, message: `${hook.kind}.handler ${JSON.stringify(value)} is ${kind}, not the string FC needs: quote it, handler: "${String(value)}"` }];
    });
  },
};

/** spec §1.10/§3.4: fc3 refuses to deploy a hook with both (`command and handler can not be set at the same time`). */
const commandAndHandler: Rule = {
  id: 'hook-command-and-handler',
  severity: 'error',
  check(resource, project) {
    return hooksOf(resource).flatMap((hook): Hit[] =>
      hook.hasCommand && hook.handler !== undefined && hook.handler.value !== '' && hook.handler.value !== null
        ? [{ file: project.sYaml, line: hook.command!.line, message: `${hook.kind} sets both command and handler, and fc3 refuses to deploy that: keep one (set the other to "" to switch it off on the deployed function)` }]
        : []);
  },
};

/** spec §1.10 (seed 003): only GPU functions (gpuConfig) take a command-type initializer. */
const commandNotGpu: Rule = {
  id: 'initializer-command-not-gpu',
  severity: 'error',
  check(resource, project) {
    const hook = resource.hooks.initializer;
    return hook?.hasCommand && !resource.gpu
      ? [{ file: project.sYaml, line: hook.command!.line, message: 'initializer.command runs only on GPU functions (with gpuConfig); FC rejects it here: call code with initializer.handler instead, or add gpuConfig' }]
      : [];
  },
};

/** spec §1.10 (seed 003): PreStop supports only the handler type. */
const preStopCommand: Rule = {
  id: 'prestop-command',
  severity: 'error',
  check(resource, project) {
    const hook = resource.hooks.preStop;
    return hook?.hasCommand
      ? [{ file: project.sYaml, line: hook.command!.line, message: 'preStop.command is not supported (PreStop only calls code): use preStop.handler' }]
      : [];
  },
};

export const sYamlRules: Rule[] = [timeoutMissing, handlerNotString, commandAndHandler, commandNotGpu, preStopCommand];

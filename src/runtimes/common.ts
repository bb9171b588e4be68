import type { ProjectSpec } from '../spec.ts';
import type { DottedNames } from '../entry.ts';

/**
 * Data every code template receives: the spec's values plus the derived names. `hasInitializer` /
 * `hasPreStop` are plain booleans so templates never test a name for truthiness.
 */
export function templateData(spec: ProjectSpec, names: DottedNames | object) {
  return {
    functionName: spec.functionName,
    runtime: spec.runtime,
    region: spec.region,
    memorySize: spec.memorySize,
    timeout: spec.timeout,
    handlerEntry: spec.handler,
    // A command-type initializer (GPU) shows its command where the others show their entry point.
    initializerEntry: spec.initializer?.handler ?? spec.initializer?.command?.join(' ') ?? null,
    preStopEntry: spec.preStop?.handler ?? null,
    hasInitializer: spec.initializer !== undefined,
    hasPreStop: spec.preStop !== undefined,
    /** An HTTP trigger calls the function: the handler reads FC3's HTTP event. */
    httpTrigger: spec.trigger === 'http',
    ...names,
  };
}

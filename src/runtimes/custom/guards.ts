// A custom runtime's or container's server that refuses requests until POST /initialize, in a project
// whose s.yaml does not have FC send it (see src/doctor/rules/guards.ts for the built-in runtimes' rule).
import { extname } from 'node:path';
import type { BlockSyntax } from '../../doctor/guards.ts';
import { initializationGuards } from '../../doctor/guards.ts';
import { commandCallsInitialize, initializerOff, lazyFix, THROW, UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { Hit, Rule } from '../../doctor/types.ts';
import { routeIn } from './code.ts';
import { serverDir, serverFiles } from './rules.ts';

/** How a custom server refuses a request (a 503, or an exception, which answers 500), by file type. */
const SERVER: Record<string, { syntax: BlockSyntax; refusals: string; accessor: string }> = {
  '.py': { syntax: 'indent', refusals: String.raw`${UNAVAILABLE}|\bSERVICE_UNAVAILABLE\b|\braise\b`, accessor: 'get_resource(request_id) under a threading.Lock' },
  '.go': { syntax: 'bare-if', refusals: String.raw`${UNAVAILABLE}|\bStatusServiceUnavailable\b|\bpanic\s*\(`, accessor: 'getResource(requestID) under a sync.Mutex' },
  '.js': { syntax: 'paren', refusals: `${UNAVAILABLE}|${THROW}`, accessor: 'getResource(requestId)' },
};

/** A custom runtime's or container's server that refuses requests until POST /initialize, which FC does not send. */
export const serverWaitsForInitialize: Rule = {
  id: 'server-waits-for-initialize',
  severity: 'error',
  check(resource, project) {
    const off = initializerOff(resource);
    if (!off || (off.command !== undefined && commandCallsInitialize(off.command, serverDir(resource, project)) !== false)) return [];
    const why = off.command === undefined ? off.why : `${off.why} and never POSTs /initialize`;
    return serverFiles(resource, project).flatMap(({ file }): Hit[] => {
      const language = SERVER[extname(file.path)] ?? SERVER['.js']!;
      const hasInitializer = routeIn(file, 'initializer') !== undefined;
      const guards = initializationGuards({ file, start: 0, end: file.bare.length }, { ...language, refusals: new RegExp(language.refusals), hasInitializer });
      return guards.map((guard) => ({
        file: file.path,
        line: guard.line,
        message: `the server refuses requests until POST /initialize has run (if ${guard.condition}), but ${why}, so no POST /initialize reaches it and every request fails: ${lazyFix(language.accessor)}; or configure the initializer (handler "true", or on a GPU function a command that POSTs /initialize, such as the generated /code/warm-up.sh)`,
      }));
    });
  },
};

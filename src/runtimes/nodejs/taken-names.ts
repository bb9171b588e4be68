// Names Node.js already gives a meaning to, beyond its keywords: an export named after one builds a
// project that breaks (an ES module exporting `then` is a thenable; an export `JSON` shadows the global
// the generated code calls). node-globals.ts is generated from node 20 and committed as data.
import { lazyNameSet, namesIn, type NameSet } from '../../name-set.ts';
import { NODE_GLOBAL_NAMES } from './node-globals.ts';

/**
 * Node.js: the globals, the CommonJS module scope, `then` (an ES module exporting it is a thenable:
 * `await import()` of it calls it) and `__proto__` (`exports.__proto__ = f` replaces the prototype).
 */
export const NODE_TAKEN_NAMES: NameSet = lazyNameSet(() => [
  ...namesIn(NODE_GLOBAL_NAMES), 'require', 'module', 'exports', '__filename', '__dirname', 'then', '__proto__',
]);

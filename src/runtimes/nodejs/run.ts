// `run` for Node.js: a child `node` hosts the instance through templates/nodejs/run/bootstrap.mjs,
// which calls CommonJS exports with a callback when they take one (nodejs16 and older must call it)
// and awaits ES module async exports (spec §1.2).
import { bootstrapRunner } from '../../run/bootstrap.ts';

export const nodejsRunner = bootstrapRunner('nodejs', 'bootstrap.mjs', 'node', 'Node.js (https://nodejs.org)');

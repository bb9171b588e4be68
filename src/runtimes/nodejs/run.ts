// `run` for Node.js: a child `node` hosts the instance through templates/nodejs/run/bootstrap.mjs,
// which calls CommonJS exports with a callback when they take one (nodejs16 and older must call it)
// and awaits ES module async exports (spec §1.2).
import { writeBootstrap } from '../../run/bootstrap.ts';
import { requireTool, startBootstrap } from '../../run/child.ts';
import type { Runner } from '../../run/types.ts';

export const nodejsRunner: Runner = {
  async prepare() {
    requireTool('node', 'Node.js (https://nodejs.org)');
  },
  async start(target, workDir, log) {
    const bootstrap = await writeBootstrap('nodejs', 'bootstrap.mjs', workDir);
    return startBootstrap(['node', bootstrap], { cwd: target.resource.code, env: target.env, entries: target.entries }, log);
  },
};

// --recipe mysql|redis: each runtime family's generated project runs its own lifecycle test against real
// servers (scripts/test-services.sh), which checks the server's view of the connections. Runs one pair
// at a time: the MySQL part counts the server's Threads_connected, which parallel runs would disturb.
import { describe, expect, test } from 'vitest';
import { generateProject } from './helpers/generate.ts';
import { linkNodeClients, nodeClients, serviceEnv, useMysql, useRedis } from './helpers/services.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const servers = { mysql: useMysql(), redis: useRedis() };
const hasNodeClients = useToolchain('node', ['-e', "require('mysql2'); require('ioredis')"], 'npm install mysql2 ioredis (or put them on NODE_PATH)');

type Recipe = 'mysql' | 'redis';
const RECIPES: Recipe[] = ['mysql', 'redis'];

/** The generated test passed with its server part run, not skipped. */
function expectServerPartRan(result: ReturnType<typeof run>) {
  expect(result.status, result.output).toBe(0);
  expect(result.output).not.toMatch(/SKIPPED/);
}

describe.runIf(hasNodeClients)('Node.js', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe]).each(['nodejs16', 'nodejs20'])(`${recipe} on %s: the generated test passes against the server`, async (runtime) => {
      const { root } = await generateProject({ runtime, recipe });
      linkNodeClients(root, nodeClients()!);
      const result = run('node', ['--test', 'test/lifecycle.test.mjs'], { cwd: root, env: serviceEnv() });
      expectServerPartRan(result);
      expect(result.stdout).toMatch(/# pass 4\n/);
    });
  }
});

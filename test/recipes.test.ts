// --recipe mysql|redis: each runtime family's generated project runs its own lifecycle test against real
// servers (scripts/test-services.sh), which checks the server's view of the connections. Runs one pair
// at a time: the MySQL part counts the server's Threads_connected, which parallel runs would disturb.
import { describe, expect, test } from 'vitest';
import { generateProject } from './helpers/generate.ts';
import { linkNodeClients, nodeClients, serviceEnv, useMysql, useRedis } from './helpers/services.ts';
import { GO_ENV, goWorkCopy } from './helpers/stand-ins.ts';
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

// Debian's python3-pymysql and python3-redis serve /usr/bin/python3, not a pyenv python3.
const SYSTEM_PYTHON = '/usr/bin/python3';
const hasPythonClients = useToolchain(SYSTEM_PYTHON, ['-c', 'import pymysql, redis'], 'apt-get install -y python3-pymysql python3-redis');

describe.runIf(hasPythonClients)('Python', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe])(`${recipe} on python3.12: the generated unittest suite passes against the server`, async () => {
      const { root } = await generateProject({ runtime: 'python3.12', recipe });
      const result = run(SYSTEM_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root, env: serviceEnv() });
      expectServerPartRan(result);
      expect(result.stderr).toMatch(/^Ran 3 tests in .*\n\nOK$/m);
    });
  }
});

const hasPhpClients = useToolchain('php', ['-r', "exit(extension_loaded('mysqli') && extension_loaded('redis') ? 0 : 1);"], 'apt-get install -y php-mysql php-redis');

describe.runIf(hasPhpClients)('PHP', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe])(`${recipe} on php7.2: the generated test passes against the server`, async () => {
      const { root } = await generateProject({ runtime: 'php7.2', recipe });
      const result = run('php', ['tests/lifecycle_test.php'], { cwd: root, env: serviceEnv() });
      expectServerPartRan(result);
      expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
      expect(result.stdout).toContain('ok - preStop closes it: the count is back where it started');
    });
  }
});

const hasFlask = useToolchain(SYSTEM_PYTHON, ['-c', 'import flask, pymysql, redis'], 'apt-get install -y python3-flask python3-pymysql python3-redis');

describe.runIf(hasFlask)('Flask server (custom runtime, custom container)', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe]).each(['custom.debian12', 'custom-container'])(`${recipe} on %s: the generated unittest suite passes against the server`, async (runtime) => {
      const { root } = await generateProject({ runtime, recipe });
      const result = run(SYSTEM_PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: root, env: serviceEnv() });
      expectServerPartRan(result);
      expect(result.stderr).toMatch(/^Ran 3 tests in .*\n\nOK$/m);
    });
  }
});

describe.runIf(hasNodeClients)('node:http server (custom runtime)', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe])(`${recipe} on custom.debian10 --server node: the generated test passes against the server`, async () => {
      const { root } = await generateProject({ runtime: 'custom.debian10', server: 'node', recipe });
      linkNodeClients(root, nodeClients()!);
      const result = run('node', ['--test', 'test/lifecycle.test.mjs'], { cwd: root, env: serviceEnv() });
      expectServerPartRan(result);
      expect(result.stdout).toMatch(/# pass 3\n/);
    });
  }
});

// Go builds against Debian's sources of the clients (go-sql-driver/mysql 1.5, redigo 1.8) and the
// fc-runtime-go-sdk stand-in, through `replace` directives in a copy of code/ only (goWorkCopy): the
// generated go.mod keeps the pinned versions users get.
const DEBIAN_GO = '/usr/share/gocode/src';
const GO_CLIENTS: Record<Recipe, string> = { mysql: 'github.com/go-sql-driver/mysql', redis: 'github.com/gomodule/redigo' };
const hasGoClients = useToolchain('sh', ['-c', `command -v go && test -d ${DEBIAN_GO}/${GO_CLIENTS.mysql} && test -d ${DEBIAN_GO}/${GO_CLIENTS.redis}`], 'apt-get install -y golang-go golang-github-go-sql-driver-mysql-dev golang-github-gomodule-redigo-dev');

describe.runIf(hasGoClients)('Go', () => {
  for (const recipe of RECIPES) {
    test.runIf(servers[recipe])(`${recipe} on go1: gofmt, go vet and the generated go test pass against the server`, async () => {
      const { root } = await generateProject({ runtime: 'go1', recipe });
      const work = goWorkCopy(root);
      const replaced = run('go', ['mod', 'edit', `-replace=${GO_CLIENTS[recipe]}=${DEBIAN_GO}/${GO_CLIENTS[recipe]}`], { cwd: work, env: GO_ENV });
      expect(replaced.status, replaced.output).toBe(0);
      expect(run('gofmt', ['-l', '.'], { cwd: work }).stdout).toBe('');
      const vet = run('go', ['vet', './...'], { cwd: work, env: GO_ENV });
      expect(vet.status, vet.output).toBe(0);
      const result = run('go', ['test', '-v', './...'], { cwd: work, env: { ...GO_ENV, ...serviceEnv() } });
      expect(result.status, result.output).toBe(0);
      expect(result.output).not.toMatch(/SKIP/);
      expect(result.output.match(/^--- PASS: /gm)).toHaveLength(3);
    });
  }
});

// --recipe mysql|redis: each runtime family's generated project runs its own lifecycle test against real
// servers (scripts/test-services.sh), which checks the server's view of the connections. Runs one pair
// at a time: the MySQL part counts the server's Threads_connected, which parallel runs would disturb.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateProject } from './helpers/generate.ts';
import { linkNodeClients, nodeClients, serviceEnv, useMysql, useRedis } from './helpers/services.ts';
import { buildDotnetStandIns, buildJavaStandIn, DOTNET_LIBRARIES, GO_ENV, goWorkCopy } from './helpers/stand-ins.ts';
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

// Java compiles once per recipe with javac against the fc-java-core stand-in. mysql runs against the
// server through Debian's MariaDB Connector/J (libmariadb-java), which serves the generated jdbc:mysql:
// URL through java.sql as MySQL Connector/J does on FC. redis compiles against the Jedis stand-in in
// test/stubs/java (Jedis's signatures over a minimal RESP client: Debian has no Jedis) and runs
// against the server through it.
const MARIADB_JDBC = '/usr/share/java/mariadb-java-client.jar';
const hasJavaClients = useToolchain('sh', ['-c', `command -v javac && test -f ${MARIADB_JDBC}`], 'apt-get install -y openjdk-17-jdk-headless libmariadb-java');

/** javac (warnings are errors) at the pom's Java release; returns the classpath the test runs with. */
function compileJava(root: string, release: string, classpath: string): string {
  const classes = join(root, 'target', 'classes');
  const sources = run('find', [join(root, 'src'), '-name', '*.java']).stdout.trim().split('\n');
  const built = run('javac', ['-Xlint:all', '-Werror', '--release', release, '-cp', classpath, '-d', classes, ...sources]);
  expect(built.status, built.output).toBe(0);
  return `${classes}:${classpath}`;
}

describe.runIf(hasJavaClients)('Java', () => {
  let stubs = '';
  beforeAll(() => {
    stubs = buildJavaStandIn();
  });

  test.runIf(servers.mysql)('mysql on java8: javac, and the generated lifecycle test passes against the server (MariaDB Connector/J)', async () => {
    const { root } = await generateProject({ runtime: 'java8', recipe: 'mysql' });
    const classpath = compileJava(root, '8', `${stubs}:${MARIADB_JDBC}`);
    const result = run('java', ['-cp', classpath, 'example.AppLifecycleTest', 's.yaml'], { cwd: root, env: serviceEnv() });
    expectServerPartRan(result);
    expect(result.stdout).toContain('ok - preStop closes it: the count is back where it started');
    expect(result.stdout).toMatch(/^10 passed, 0 failed$/m);
  });

  test.runIf(servers.redis)('redis on java11: javac, and the generated lifecycle test passes against the server (Jedis stand-in)', async () => {
    const { root } = await generateProject({ runtime: 'java11', recipe: 'redis' });
    const classpath = compileJava(root, '11', stubs);
    const result = run('java', ['-cp', classpath, 'example.AppLifecycleTest', 's.yaml'], { cwd: root, env: serviceEnv() });
    expectServerPartRan(result);
    expect(result.stdout).toContain('ok - preStop closes it: the count is back where it started');
    expect(result.stdout).toMatch(/^10 passed, 0 failed$/m);
    const skipped = run('java', ['-cp', classpath, 'example.AppLifecycleTest', 's.yaml'], { cwd: root, env: { ...serviceEnv(), REDIS_HOST: '' } });
    expect([skipped.status, skipped.stdout]).toEqual([0, 'SKIPPED the redis server part: REDIS_HOST is not set (see README.md)\n']);
  });
});

// C# compiles with mcs against stand-ins of MySqlConnector and StackExchange.Redis (test/stubs/dotnet:
// NuGet is out of reach). The MySqlConnector one talks to no server: under mono the generated test runs
// as far as its skip without MYSQL_USER. The StackExchange.Redis one has the copied signatures over a
// minimal RESP client, so the redis test also runs against the server.
const hasMcs = useToolchain('sh', ['-c', 'command -v mcs && command -v mono'], 'apt-get install -y mono-mcs mono-runtime');

describe.runIf(hasMcs)('C#', () => {
  test.each(RECIPES)('%s on dotnetcore3.1: mcs compiles the function and its test against the client stand-in; the test skips without the variables (redis: and passes against the server)', async (recipe) => {
    const { root } = await generateProject({ runtime: 'dotnetcore3.1', recipe });
    const stubs = buildDotnetStandIns();
    const refs = DOTNET_LIBRARIES.map((library) => `-r:${join(stubs, library)}`);
    const sources = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.cs')).map((f) => join(root, dir, f));
    const app = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(root, 'HelloFcApp.exe')}`, ...refs, ...sources('HelloFcApp')]);
    expect(app.status, app.output).toBe(0);
    const tests = run('mcs', ['-warnaserror+', '-target:exe', `-out:${join(root, 'LifecycleTest.exe')}`, `-r:${join(root, 'HelloFcApp.exe')}`, ...refs, ...sources('LifecycleTest')]);
    expect(tests.status, tests.output).toBe(0);
    for (const library of DOTNET_LIBRARIES) copyFileSync(join(stubs, library), join(root, library));
    const switchName = recipe === 'mysql' ? 'MYSQL_USER' : 'REDIS_HOST';
    const result = run('mono', [join(root, 'LifecycleTest.exe')], { cwd: root, env: { ...serviceEnv(), [switchName]: '' } });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toBe(`SKIPPED the ${recipe} server part: ${switchName} is not set (see README.md)\n`);
    if (recipe === 'redis' && servers.redis) {
      const served = run('mono', [join(root, 'LifecycleTest.exe')], { cwd: root, env: serviceEnv() });
      expectServerPartRan(served);
      expect(served.stdout).toContain('ok - preStop closes it: the count is back where it started');
      expect(served.stdout).toMatch(/^13 passed, 0 failed$/m);
    }
  });
});

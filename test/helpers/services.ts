// The MySQL (MariaDB) and Redis servers the --recipe tests run generated projects against, started by
// scripts/test-services.sh (from global-setup.ts as root, or by hand), which prints the variables read here. Missing in CI = failure; locally a
// loud skip (useToolchain).
import { existsSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { useToolchain } from './toolchain.ts';

const START = 'eval "$(sudo scripts/test-services.sh)"';

/** The variables the generated projects read, as scripts/test-services.sh prints them. */
export function serviceEnv(): NodeJS.ProcessEnv {
  const names = ['MYSQL_HOST', 'MYSQL_PORT', 'MYSQL_USER', 'MYSQL_PASSWORD', 'MYSQL_DATABASE', 'REDIS_HOST', 'REDIS_PORT', 'REDIS_PASSWORD'];
  return Object.fromEntries(names.map((name) => [name, process.env[name] ?? '']));
}

/** Whether the MySQL server answers, with the test user's credentials, over TCP. */
export function useMysql(): boolean {
  const env = serviceEnv();
  return useToolchain(
    'mariadb-admin',
    ['--protocol=tcp', `--host=${env.MYSQL_HOST || '-'}`, `--port=${env.MYSQL_PORT || 3306}`, `--user=${env.MYSQL_USER || '-'}`, `--password=${env.MYSQL_PASSWORD}`, '--connect-timeout=3', 'ping'],
    `${START} (needs mariadb-server, mariadb-client)`,
  );
}

/** Whether the Redis server answers PING. */
export function useRedis(): boolean {
  const env = serviceEnv();
  return useToolchain('redis-cli', ['-h', env.REDIS_HOST || '-', '-p', env.REDIS_PORT || '6379', 'ping'], `${START} (needs redis-server)`);
}

/**
 * A node_modules folder that holds the Node.js clients (mysql2, ioredis): the repository's own or one
 * on NODE_PATH (e.g. `npm install --prefix /tmp/clients mysql2 ioredis`, NODE_PATH=/tmp/clients/node_modules).
 */
export function nodeClients(): string | undefined {
  const candidates = [join(process.cwd(), 'node_modules'), ...(process.env.NODE_PATH ?? '').split(delimiter).filter(Boolean)];
  return candidates.find((dir) => existsSync(join(dir, 'mysql2')) && existsSync(join(dir, 'ioredis')));
}

/** Links a generated project's code/node_modules to the clients, as `npm install --prefix code` would install them. */
export function linkNodeClients(root: string, clients: string): void {
  symlinkSync(clients, join(root, 'code', 'node_modules'), 'dir');
}

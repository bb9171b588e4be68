#!/usr/bin/env bash
# Starts the MariaDB and Redis servers the --recipe tests run generated projects against (Debian's
# mariadb-server and redis-server; this script installs nothing), creates the test database and user,
# and prints the environment the tests read, for `eval`:
#
#   eval "$(sudo scripts/test-services.sh)"    # then: npx vitest run test/recipes.test.ts
#   sudo scripts/test-services.sh stop         # stops what this script started
#
# Run as root (it starts mariadbd as the mysql user). Servers listen on 127.0.0.1 only.
set -euo pipefail

DB=fc_lifecycle_test
DB_USER=fc_lifecycle
DB_PASSWORD=fc-lifecycle-test
REDIS_PORT=6379
MYSQL_PORT=3306
SOCKET=/run/mysqld/mysqld.sock
PIDFILE=/run/mysqld/fc-lifecycle-test.pid

log() { echo "test-services: $*" >&2; }

if [ "${1:-}" = stop ]; then
  if [ -f "$PIDFILE" ]; then
    start-stop-daemon --stop --quiet --pidfile "$PIDFILE" --retry 10 || true
    rm -f "$PIDFILE"
    log "mariadbd stopped"
  fi
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    log "redis-server stopped"
  fi
  exit 0
fi

command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || { log "mariadb-server is not installed"; exit 1; }
command -v redis-server >/dev/null || { log "redis-server is not installed"; exit 1; }

# Admin commands go over the socket as root: a MYSQL_HOST in the environment would send them over TCP.
admin() { env -u MYSQL_HOST -u MYSQL_TCP_PORT mariadb --protocol=socket --socket="$SOCKET" -uroot "$@"; }

if ! admin -e 'SELECT 1' >/dev/null 2>&1; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  start-stop-daemon --start --background --make-pidfile --pidfile "$PIDFILE" --chuid mysql \
    --exec /usr/sbin/mariadbd -- --bind-address=127.0.0.1 --port="$MYSQL_PORT" --socket="$SOCKET"
  for _ in $(seq 1 60); do
    admin -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  admin -e 'SELECT 1' >/dev/null || { log "mariadbd did not come up on $SOCKET"; exit 1; }
  log "mariadbd started"
fi
admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB\`;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON \`$DB\`.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL ON \`$DB\`.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 40); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.25
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null || { log "redis-server did not come up"; exit 1; }
  log "redis-server started"
fi

cat <<ENV
export MYSQL_HOST=127.0.0.1 MYSQL_PORT=$MYSQL_PORT MYSQL_USER=$DB_USER MYSQL_PASSWORD=$DB_PASSWORD MYSQL_DATABASE=$DB
export REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT REDIS_PASSWORD=
ENV

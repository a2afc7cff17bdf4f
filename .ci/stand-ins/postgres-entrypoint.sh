#!/bin/bash
# Entry point of the postgres stand-in (.ci/stand-ins/postgres.Containerfile): the part of the
# official image's contract the compose files use. On an empty PGDATA it creates the cluster with
# POSTGRES_USER (default postgres) as superuser and POSTGRES_PASSWORD (required) as its password,
# password authentication for TCP clients, and the database POSTGRES_DB (default: the user's
# name), all on a server that listens on the socket only, so a TCP health check does not pass
# before the database exists. Not kept: /docker-entrypoint-initdb.d, POSTGRES_INITDB_ARGS,
# POSTGRES_HOST_AUTH_METHOD and the *_FILE variants.
set -euo pipefail

if [ "${1:0:1}" = - ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "postgres stand-in: POSTGRES_PASSWORD is not set; the database is uninitialised" >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  pg_ctl --silent --wait --options="-c listen_addresses=''" start
  if [ "$database" != postgres ]; then
    psql --quiet -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres --set=db="$database" <<<'CREATE DATABASE :"db";'
  fi
  pg_ctl --silent --wait --mode=fast stop
  echo "postgres stand-in: initialised $PGDATA (user $user, database $database)"
fi

exec "$@"

#!/usr/bin/env bash
# Median latency of GET /admin/db/status with MIGRATIONS (default 500) migrations applied: generates
# trivial migrations in a folder, starts the packaged jar on a fresh database with that folder in
# MIGRATION_LOCATIONS (it migrates at start), then measures one connection's sequential requests with
# wrk. Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), wrk, the
# packaged jar (built when missing). Cleans up after itself.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
MIGRATIONS=${MIGRATIONS:-500}
DURATION=${DURATION:-10s}
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

db="bench_status_$(date +%s)_$RANDOM"
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true  # the JVM's exit status after SIGTERM is 143: not a failure here
  fi
  psql -qd postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
  return 0
}
trap cleanup EXIT

[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests >&2)
psql -qd postgres -c "CREATE DATABASE $db" >/dev/null

# The three shipped migrations plus generated ones: MIGRATIONS applied in all.
mkdir "$work/migrations"
for i in $(seq 4 "$MIGRATIONS"); do
  echo "CREATE TABLE bench_$i (id int PRIMARY KEY);" >"$work/migrations/V${i}__bench_$i.sql"
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
password="bench-$RANDOM$RANDOM"
env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" PORT="$port" \
  MIGRATION_LOCATIONS="classpath:db/migration,filesystem:$work/migrations" \
  VIEWER_USER=bench VIEWER_PASSWORD="$password" \
  java -jar "$JAR" >"$work/service.log" 2>&1 &
pid=$!

deadline=$(( $(date +%s) + 300 ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; do
  if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "the service did not become ready; its log:" >&2
    cat "$work/service.log" >&2
    exit 1
  fi
  sleep 0.2
done

url="http://127.0.0.1:$port/admin/db/status"
auth="Authorization: Basic $(printf 'bench:%s' "$password" | base64)"
applied=$(curl -s -H "$auth" "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["appliedCount"])')
if [ "$applied" != "$MIGRATIONS" ]; then
  echo "expected $MIGRATIONS applied migrations, status says $applied" >&2
  exit 1
fi

wrk -t1 -c1 -d5s -H "$auth" "$url" >/dev/null  # warm-up: JIT
result=$(wrk -t1 -c1 -d"$DURATION" --latency -H "$auth" "$url")
if grep -q 'Non-2xx' <<<"$result"; then
  echo "some requests did not answer 200:" >&2
  echo "$result" >&2
  exit 1
fi
median=$(awk '/Latency Distribution/ {found=1} found && $1 == "50%" {print $2; exit}' <<<"$result")
p99=$(awk '/Latency Distribution/ {found=1} found && $1 == "99%" {print $2; exit}' <<<"$result")
rps=$(awk '/Requests\/sec/ {print int($2)}' <<<"$result")
echo "GET /admin/db/status with $applied migrations applied: median $median, p99 $p99, $rps req/s (wrk -t1 -c1 -d$DURATION --latency)"

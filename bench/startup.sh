#!/usr/bin/env bash
# Figure 1: process start to first 200 on /q/health/ready against an up-to-date schema; floor: the
# same jar's start to first 200 on /q/health/live with migration disabled.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS=${RUNS:-5}
db=$(new_db)
port=$(free_port)

start_service "$db" "$port"
wait_for "http://127.0.0.1:$port/q/health/ready" 200
stop_service "$SERVICE_PID"

ours=() floor=()
for _ in $(seq "$RUNS"); do
  t0=$(now_ms); start_service "$db" "$port"
  wait_for "http://127.0.0.1:$port/q/health/ready" 200
  ours+=($(( $(now_ms) - t0 ))); RSS_AFTER_START=$(rss_kb "$SERVICE_PID"); stop_service "$SERVICE_PID"

  t0=$(now_ms); start_service "$db" "$port" MIGRATE_AT_START=false
  wait_for "http://127.0.0.1:$port/q/health/live" 200
  floor+=($(( $(now_ms) - t0 ))); stop_service "$SERVICE_PID"
done
ready_ms=$(printf '%s\n' "${ours[@]}" | median) live_ms=$(printf '%s\n' "${floor[@]}" | median)
figure start_to_ready_ms "$ready_ms"
figure start_to_live_ms "$live_ms"
row "startup to ready (median of $RUNS), vs start to live without migration" "$ready_ms" "$live_ms" ms
echo "RSS after startup: $RSS_AFTER_START KB" >&2

#!/usr/bin/env bash
# Requests per second of GET /q/health/ready (the cached schema state) beside GET /q/health/live
# (no check at all, the floor), on the same run of the packaged jar against a fresh database.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
db=$(new_db)
port=$(free_port)
start_service "$db" "$port" LOG_LEVEL=WARN
wait_for "http://127.0.0.1:$port/q/health/ready" 200

# rps DURATION PATH: requests per second; fails when any answer was not 200 (an unready service
# would be measured answering 503).
rps() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$1" "http://127.0.0.1:$port$2")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$2 answered other than 200 during the run:" >&2
    echo "$out" >&2
    return 1
  fi
  awk '/Requests\/sec/ {print int($2)}' <<<"$out"
}

rps 3s /q/health/ready >/dev/null  # warm-up: JIT
rps 3s /q/health/live >/dev/null
ready=$(rps "$DURATION" /q/health/ready)
live=$(rps "$DURATION" /q/health/live)
figure ready_rps "$ready"
figure live_rps "$live"
row "GET /q/health/ready req/s, vs /q/health/live" "$ready" "$live" "req/s"

#!/usr/bin/env bash
# Figure 4: median and p99 latency of GET /admin/db/status and GET /admin/db/history with LARGE
# (default 1000) migrations applied, beside the same with SMALL (default 10). One connection's
# sequential requests (wrk -c1 --latency), after a warm-up.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
SMALL=${SMALL:-10}
LARGE=${LARGE:-1000}
DURATION=${DURATION:-5s}
password="bench-$RANDOM$RANDOM"
auth="Authorization: Basic $(printf 'bench:%s' "$password" | base64)"

# to_us VALUE: wrk's latency (850.00us, 1.20ms, 2.01s) in microseconds
to_us() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) print int(n); else if (v ~ /ms$/) print int(n * 1000); else print int(n * 1000000) }'
}

# measure N: starts the jar with N migrations applied; sets LAT_<endpoint>_{50,99} in microseconds.
measure() {
  local n=$1 dir="$BENCH_TMP/migrations-$1" db port i result endpoint applied
  mkdir -p "$dir"
  for i in $(seq 4 "$n"); do
    echo "CREATE TABLE bench_$i (id int PRIMARY KEY);" >"$dir/V${i}__bench_$i.sql"
  done
  db=$(new_db)
  port=$(free_port)
  start_service "$db" "$port" MIGRATION_LOCATIONS="classpath:db/migration,filesystem:$dir" \
    VIEWER_USER=bench VIEWER_PASSWORD="$password" LOG_LEVEL=WARN
  wait_for "http://127.0.0.1:$port/q/health/ready" 200 600
  applied=$(curl -s -H "$auth" "http://127.0.0.1:$port/admin/db/status" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["appliedCount"])')
  [ "$applied" = "$n" ] || { echo "expected $n applied migrations, status says $applied" >&2; exit 1; }
  for endpoint in status history; do
    url="http://127.0.0.1:$port/admin/db/$endpoint"
    wrk -t1 -c1 -d3s -H "$auth" "$url" >/dev/null
    result=$(wrk -t1 -c1 -d"$DURATION" --latency -H "$auth" "$url")
    if grep -q 'Non-2xx' <<<"$result"; then echo "non-2xx answers from $url: $result" >&2; exit 1; fi
    printf -v "LAT_${endpoint}_50" '%s' "$(to_us "$(awk '/Latency Distribution/ {f=1} f && $1 == "50%" {print $2; exit}' <<<"$result")")"
    printf -v "LAT_${endpoint}_99" '%s' "$(to_us "$(awk '/Latency Distribution/ {f=1} f && $1 == "99%" {print $2; exit}' <<<"$result")")"
  done
  stop_service "$SERVICE_PID"
}

measure "$SMALL"
small=("$LAT_status_50" "$LAT_status_99" "$LAT_history_50" "$LAT_history_99")
measure "$LARGE"
row "GET /admin/db/status median, $LARGE vs $SMALL migrations" "$LAT_status_50" "${small[0]}" us
row "GET /admin/db/status p99, $LARGE vs $SMALL migrations" "$LAT_status_99" "${small[1]}" us
row "GET /admin/db/history median, $LARGE vs $SMALL migrations" "$LAT_history_50" "${small[2]}" us
row "GET /admin/db/history p99, $LARGE vs $SMALL migrations" "$LAT_history_99" "${small[3]}" us

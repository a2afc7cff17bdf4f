#!/usr/bin/env bash
# JVM settings side by side (issue 17, items 3 and 4): each starts the packaged jar on a fresh
# database; RSS at ready, RSS after GET /api/items/{id} under wrk, req/s and p99 latency. Rounds
# interleave the settings, so that the machine's other load falls on all of them alike; the
# medians are printed. A container's memory limit is stood in for by -XX:MaxRAM (CONTAINER_MEMORY),
# so that -XX:MaxRAMPercentage sizes the heap as it would in the image. A setting's NAME=value words
# (no leading dash) are set in the environment, its other words are JVM options.
#   SETTINGS='name=options;…'  ROUNDS=3  DURATION=8s  CONNECTIONS=16  CONTAINER_MEMORY=512m
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-16}
CONTAINER_MEMORY=${CONTAINER_MEMORY:-512m}
SETTINGS=${SETTINGS:-"g1-70%=-XX:MaxRAMPercentage=70;\
serial-70%=-XX:+UseSerialGC -XX:MaxRAMPercentage=70;\
parallel-70%=-XX:+UseParallelGC -XX:MaxRAMPercentage=70;\
serial-lean=-XX:+UseSerialGC -XX:MaxRAMPercentage=70 -Xss512k -XX:ReservedCodeCacheSize=64m"}

cat >"$BENCH_TMP/get.lua" <<'LUA'
request = function()
  return wrk.format("GET", "/api/items/" .. math.random(1, 1000))
end
LUA

# p99 in ms from wrk --latency's distribution line (us, ms or s)
p99_ms() {
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
    else printf "%.2f", v * 1000 }'
}

# measure NAME OPTIONS: one start, load and stop; appends "rss_ready rss_load rps p99" to NAME's file.
measure() {
  local name=$1 word db port pid out rss_ready envs=() opts=()
  # The setting holds several words: split on spaces on purpose.
  # shellcheck disable=SC2086
  for word in $2; do
    case $word in -*) opts+=("$word") ;; *) envs+=("$word") ;; esac
  done
  db=$(new_db)
  port=$(free_port)
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" PORT="$port" "${envs[@]}" \
    java -XX:MaxRAM="$CONTAINER_MEMORY" "${opts[@]}" -jar "$JAR" >"$BENCH_TMP/$name-$port.log" 2>&1 &
  pid=$!
  BENCH_PIDS+=("$pid")
  wait_for "http://127.0.0.1:$port/q/health/ready" 200
  sleep 2
  rss_ready=$(rss_kb "$pid")
  psql -qd "$db" -c "INSERT INTO item (name) SELECT 'item ' || g FROM generate_series(1, 1000) g" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d3s -s "$BENCH_TMP/get.lua" "http://127.0.0.1:$port" >/dev/null  # warm-up: JIT
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_TMP/get.lua" "http://127.0.0.1:$port")
  echo "$rss_ready $(rss_kb "$pid") $(awk '/Requests\/sec/ {print int($2)}' <<<"$out") $(p99_ms <<<"$out")" \
    >>"$BENCH_TMP/$name.results"
  stop_service "$pid"
}

IFS=';' read -r -a settings <<<"$SETTINGS"
for _ in $(seq "$ROUNDS"); do
  for setting in "${settings[@]}"; do
    measure "${setting%%=*}" "${setting#*=}"
  done
done

col() { awk -v c="$1" '{print $c}' "$2" | median | awk '{printf "%.0f\n", $1}'; }
first=${settings[0]%%=*}
base_rps=$(col 3 "$BENCH_TMP/$first.results")
printf '%-16s %14s %14s %8s %8s %10s\n' setting "RSS ready MB" "RSS load MB" "req/s" "p99 ms" "req/s ratio"
for setting in "${settings[@]}"; do
  name=${setting%%=*}
  f="$BENCH_TMP/$name.results"
  printf '%-16s %14.0f %14.0f %8.0f %8s %10s\n' "$name" "$(col 1 "$f" | awk '{print $1 / 1024}')" \
    "$(col 2 "$f" | awk '{print $1 / 1024}')" \
    "$(col 3 "$f")" "$(col 4 "$f")" "$(awk -v o="$(col 3 "$f")" -v b="$base_rps" 'BEGIN {printf "%.2f", o / b}')"
done
last=${settings[${#settings[@]}-1]%%=*}
row "RSS at ready, $last vs $first (MaxRAM $CONTAINER_MEMORY)" "$(col 1 "$BENCH_TMP/$last.results")" \
  "$(col 1 "$BENCH_TMP/$first.results")" "KB"

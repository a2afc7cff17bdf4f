#!/usr/bin/env bash
# Figures 6 and 7: requests per second of GET /api/items/{id} beside pgbench running the same
# prepared select, same connections; RSS after startup and after the load, in the image's JVM
# settings under the pod's memory limit (image_java_opts).
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
db=$(new_db)
port=$(free_port)
start_service "$db" "$port" JAVA_OPTS="$(image_java_opts)"
wait_for "http://127.0.0.1:$port/q/health/ready" 200
rss_start=$(rss_kb "$SERVICE_PID")

psql -qd "$db" -c "INSERT INTO item (name) SELECT 'item ' || g FROM generate_series(1, 1000) g" >/dev/null
cat >"$BENCH_TMP/get.lua" <<'LUA'
request = function()
  return wrk.format("GET", "/api/items/" .. math.random(1, 1000))
end
LUA
wrk -t2 -c"$CONNECTIONS" -d5s -s "$BENCH_TMP/get.lua" "http://127.0.0.1:$port" >/dev/null  # warm-up: JIT
ours=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_TMP/get.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print int($2)}')
rss_load=$(rss_kb "$SERVICE_PID")

cat >"$BENCH_TMP/get.sql" <<'SQL'
\set id random(1, 1000)
SELECT id, name, description, created_at, updated_at FROM item WHERE id = :id;
SQL
floor=$(pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$BENCH_TMP/get.sql" "$db" 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
figure items_rps "$ours"
figure pgbench_tps "$floor"
figure rss_ready_kb "$rss_start"
figure rss_after_load_kb "$rss_load"
row "GET /api/items/{id} req/s, vs pgbench prepared select tps" "$ours" "$floor" "req/s"
row "RSS after API load, vs after startup" "$rss_load" "$rss_start" "KB"

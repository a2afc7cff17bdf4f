#!/usr/bin/env bash
# Requests per second of /q/health/ready beside /q/health/live, on one run of the packaged jar
# against a fresh database. Build first: mvn -B package -DskipTests
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (optional): the
# server to create the throwaway database on; JAR (target/quarkus-app/quarkus-run.jar);
# WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION (10s).
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
jar="${JAR:-target/quarkus-app/quarkus-run.jar}"
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-16}"
duration="${WRK_DURATION:-10s}"

for tool in java wrk psql curl; do
  command -v "$tool" >/dev/null || { echo "probes.sh: $tool is required" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "probes.sh: $jar not found; run mvn -B package -DskipTests first" >&2; exit 1; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "probes.sh: no free port found" >&2
  exit 1
}

database="bench_probes_$$"
port="$(free_port)"
log="$(mktemp)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  psql -qd postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

psql -qd postgres -c "CREATE DATABASE $database" >/dev/null
DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_PASSWORD="${PGPASSWORD:-}" DB_NAME="$database" \
  PORT="$port" LOG_LEVEL=WARN java -jar "$jar" >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "probes.sh: the service exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ] \
  || { echo "probes.sh: not ready within 60 s:" >&2; cat "$log" >&2; exit 1; }

# Warm the JIT on both paths so that neither figure includes it.
for path in /q/health/ready /q/health/live; do
  wrk -t"$threads" -c"$connections" -d3s "http://127.0.0.1:$port$path" >/dev/null
done

echo "wrk -t$threads -c$connections -d$duration, $(nproc) CPU(s), one JVM, database $database"
printf '%-18s %14s %12s %12s\n' path requests/s 'avg latency' 'non-2xx'
for path in /q/health/ready /q/health/live; do
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" "http://127.0.0.1:$port$path")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  latency="$(awk '$1 == "Latency" {print $2; exit}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  printf '%-18s %14s %12s %12s\n' "$path" "$rps" "$latency" "${errors:-0}"
done

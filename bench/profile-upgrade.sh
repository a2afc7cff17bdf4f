#!/usr/bin/env bash
# Where `db upgrade` spends its CPU with N (default 1000) generated migrations: a Java Flight
# Recorder profile of one run, printed as the methods found most often on sampled stacks. Arguments
# go to `db upgrade`: `bench/profile-upgrade.sh --all-or-nothing` profiles one group.
# Not part of bench/run; it explains the migration-throughput ratio.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
N=${N:-1000}
dir="$BENCH_TMP/migrations"
mkdir -p "$dir"
for i in $(seq 1 "$N"); do
  echo "CREATE TABLE profile_$i (id int);" >"$dir/V${i}__profile_$i.sql"
done
db=$(new_db)
t0=$(now_ms)
env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" MIGRATION_LOCATIONS="filesystem:$dir" \
  LOG_LEVEL=INFO JAVA_OPTS="-XX:StartFlightRecording=filename=$BENCH_TMP/upgrade.jfr,settings=profile" \
  "$LAUNCHER" db upgrade "$@" 2>"$BENCH_TMP/upgrade.log" >/dev/null
echo "wall time: $(( $(now_ms) - t0 )) ms for $N migrations"
grep -E 'started in|Successfully applied' "$BENCH_TMP/upgrade.log" | sed 's/^.*\] (main) //'
jfr print --events jdk.ExecutionSample "$BENCH_TMP/upgrade.jfr" | python3 -c '
import collections, re, sys
events = sys.stdin.read().split("jdk.ExecutionSample")[1:]
counts = collections.Counter()
for event in events:
    seen = set()
    for frame in re.findall(r"^\s+([\w.$<>]+)\(", event, re.M):
        method = ".".join(frame.split(".")[-2:])
        if method not in seen:
            seen.add(method)
            counts[method] += 1
print(f"{len(events)} CPU samples; methods on the most stacks:")
for method, n in counts.most_common(15):
    print(f"{100 * n / len(events):5.1f}%  {method}")'

#!/usr/bin/env bash
# Figure 2: wall time of `db check` on an up-to-date schema, run the way operators run it (the
# launcher) and as a bare `java -jar`; floors: psql reading the same answer from the schema history
# table, and a JVM that prints hello.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS=${RUNS:-10}
db=$(new_db)
env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" java -jar "$JAR" db upgrade >/dev/null 2>&1

mkdir -p "$BENCH_TMP/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$BENCH_TMP/hello/Hello.java"
javac -d "$BENCH_TMP/hello" "$BENCH_TMP/hello/Hello.java"

export DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db"
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$BENCH_TMP/command.json" \
  "$LAUNCHER db check" \
  "java -jar $JAR db check" \
  "psql -qAtd $db -c 'SELECT max(version::int) FROM flyway_schema_history WHERE success'" \
  "java -cp $BENCH_TMP/hello Hello" >&2
read -r ours plain psql jvm < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(*[round(x["median"] * 1000) for x in r])' "$BENCH_TMP/command.json")
figure db_check_launcher_ms "$ours"
figure db_check_jar_ms "$plain"
figure jvm_hello_ms "$jvm"
row "db check wall time, launcher (median), vs JVM hello" "$ours" "$jvm" ms
row "db check wall time, launcher (median), vs psql reading the history" "$ours" "$psql" ms
row "db check wall time, plain java -jar (median), vs JVM hello" "$plain" "$jvm" ms

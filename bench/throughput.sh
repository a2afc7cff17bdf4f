#!/usr/bin/env bash
# Figure 3: `db upgrade` applying N generated migrations (create table, add column, create index,
# insert); floor: psql applying the same files, each in its own transaction, in one session.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar

# generate DIR N: N migrations cycling through the four kinds of change, each on its own table.
generate() {
  local dir=$1 n=$2 i t
  mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    t=$(( (i - 1) / 4 + 1 ))
    case $(( (i - 1) % 4 )) in
      0) echo "CREATE TABLE bench_$t (id bigserial PRIMARY KEY, name text NOT NULL);" ;;
      1) echo "ALTER TABLE bench_$t ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();" ;;
      2) echo "CREATE INDEX bench_${t}_name_idx ON bench_$t (name);" ;;
      3) echo "INSERT INTO bench_$t (name) SELECT 'row ' || g FROM generate_series(1, 100) g;" ;;
    esac >"$dir/V${i}__bench_step_$i.sql"
  done
}

for n in ${COUNTS:-100 1000}; do
  dir="$BENCH_TMP/migrations-$n"
  generate "$dir" "$n"

  db=$(new_db)
  t0=$(now_ms)
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" MIGRATION_LOCATIONS="filesystem:$dir" \
    "$ROOT/src/main/docker/example-service" db upgrade >/dev/null 2>"$BENCH_TMP/upgrade-$n.log"
  ours=$(( $(now_ms) - t0 ))
  applied=$(psql -qAtd "$db" -c "SELECT count(*) FROM flyway_schema_history WHERE success")
  [ "$applied" = "$n" ] || { echo "db upgrade applied $applied of $n" >&2; cat "$BENCH_TMP/upgrade-$n.log" >&2; exit 1; }

  db=$(new_db)
  for i in $(seq 1 "$n"); do
    printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$dir/V${i}__bench_step_$i.sql"
  done >"$BENCH_TMP/all-$n.sql"
  t0=$(now_ms)
  psql -qd "$db" -v ON_ERROR_STOP=1 -f "$BENCH_TMP/all-$n.sql" >/dev/null
  floor=$(( $(now_ms) - t0 ))
  row "db upgrade of $n migrations, vs psql applying the same files" "$ours" "$floor" ms
done

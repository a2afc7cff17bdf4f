#!/usr/bin/env bash
# Figure 3: `db upgrade` applying N generated migrations (create table, add column, create index,
# insert), and with --all-or-nothing (one transaction) where the tree has it; floor: psql applying
# the same files, each in its own transaction, in one session.
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

# upgrade DIR N [OPTION…]: ms of `db upgrade [OPTION…]` applying DIR's N migrations to a new database.
upgrade() {
  local dir=$1 n=$2 db t0 ms applied
  shift 2
  db=$(new_db)
  t0=$(now_ms)
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$db" MIGRATION_LOCATIONS="filesystem:$dir" \
    "$LAUNCHER" db upgrade "$@" >/dev/null 2>"$BENCH_TMP/upgrade-$n.log"
  ms=$(( $(now_ms) - t0 ))
  applied=$(psql -qAtd "$db" -c "SELECT count(*) FROM flyway_schema_history WHERE success")
  [ "$applied" = "$n" ] || { echo "db upgrade $* applied $applied of $n" >&2; cat "$BENCH_TMP/upgrade-$n.log" >&2; exit 1; }
  echo "$ms"
}

# Trees from before issue 17 have no --all-or-nothing: their row stays empty.
grouped=false
if "$LAUNCHER" db upgrade --help 2>/dev/null | grep -q -- --all-or-nothing; then
  grouped=true
fi

for n in ${COUNTS:-100 1000}; do
  dir="$BENCH_TMP/migrations-$n"
  generate "$dir" "$n"
  ours=$(upgrade "$dir" "$n")

  db=$(new_db)
  for i in $(seq 1 "$n"); do
    printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$dir/V${i}__bench_step_$i.sql"
  done >"$BENCH_TMP/all-$n.sql"
  t0=$(now_ms)
  psql -qd "$db" -v ON_ERROR_STOP=1 -f "$BENCH_TMP/all-$n.sql" >/dev/null
  floor=$(( $(now_ms) - t0 ))
  figure "upgrade_${n}_ms" "$ours"
  figure "psql_${n}_ms" "$floor"
  row "db upgrade of $n migrations, vs psql applying the same files" "$ours" "$floor" ms
  if $grouped; then
    all=$(upgrade "$dir" "$n" --all-or-nothing)
    figure "upgrade_all_or_nothing_${n}_ms" "$all"
    row "db upgrade --all-or-nothing of $n migrations, vs psql applying the same files" "$all" "$floor" ms
  fi
done

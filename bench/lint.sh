#!/usr/bin/env bash
# Figure: wall time of `db lint --all` (launcher), for the shipped migrations and for the largest
# public corpus (Marquez, 84 migrations; CORPUS to change it), replaying on this server
# (LINT_SERVER_URL) and, for the shipped ones, on the embedded PostgreSQL; floor: `db upgrade` of the
# same migrations on a new database, the replay without the watching.
# Found at run time beside this script; a plain `shellcheck` run cannot follow that path.
# shellcheck disable=SC1091
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-$ROOT/../shared/corpora/marquez}
export LINT_SERVER_URL="jdbc:postgresql://$PGHOST:$PGPORT/postgres" LINT_SERVER_USER="$PGUSER"

# median_ms RUNS COMMAND…: the median wall time of COMMAND, which must exit 0 or 6 (it found errors).
median_ms() {
  local runs=$1 t0 code
  shift
  for _ in $(seq 1 "$runs"); do
    t0=$(now_ms)
    code=0
    "$@" >/dev/null 2>"$BENCH_TMP/last.log" || code=$?
    [ "$code" = 0 ] || [ "$code" = 6 ] || { echo "$* exited $code" >&2; cat "$BENCH_TMP/last.log" >&2; exit 1; }
    echo $(( $(now_ms) - t0 ))
  done | median
}

# upgrade LOCATIONS: db upgrade of LOCATIONS on a new database.
upgrade() {
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_NAME="$(new_db)" MIGRATION_LOCATIONS="$1" "$LAUNCHER" db upgrade
}

shipped=classpath:db/migration

ours=$(median_ms "$RUNS" env MIGRATION_LOCATIONS="$shipped" "$LAUNCHER" db lint --all)
floor=$(median_ms "$RUNS" upgrade "$shipped")
row "db lint --all, shipped migrations (median of $RUNS), vs db upgrade of them" "$ours" "$floor" ms

embedded=$(median_ms "$RUNS" env -u LINT_SERVER_URL MIGRATION_LOCATIONS="$shipped" "$LAUNCHER" db lint --all)
row "db lint --all, shipped migrations, embedded PostgreSQL (median of $RUNS), vs on this server" "$embedded" "$ours" ms

if [ ! -d "$CORPUS" ]; then
  echo "no corpus at $CORPUS (set CORPUS): its figure is left out" >&2
  exit 0
fi
corpus="filesystem:$CORPUS"
count=$(find "$CORPUS" -name '[VR]*.sql' | wc -l)
ours=$(median_ms "$RUNS" env MIGRATION_LOCATIONS="$corpus" "$LAUNCHER" db lint --all)
floor=$(median_ms "$RUNS" upgrade "$corpus")
row "db lint --all, $(basename "$CORPUS") ($count migrations, median of $RUNS), vs db upgrade of them" "$ours" "$floor" ms

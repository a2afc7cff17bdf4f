package com.example.service.migration.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges one statement by what PostgreSQL did to the tables that existed before the migration:
 * rewrote them, built indexes on them, or read them in full, and which locks the migration's
 * transaction held on them meanwhile. Tables created by the same migration are nobody's traffic yet.
 */
final class LockingRules {

    private static final String SCALES = "for a time that grows with the size of %s";

    private LockingRules() {
    }

    /**
     * @param run         the statement just run
     * @param pre         oids of the relations that existed before the migration
     * @param lockOrigins the line at which the migration's transaction took each lock it holds
     */
    static List<Observed> judge(StatementRun run, Set<Long> pre, Map<Long, Integer> lockOrigins) {
        ScriptStatement statement = run.statement();
        StatementForm form = run.form();
        CatalogSnapshot before = run.before();
        CatalogSnapshot after = run.after();
        List<Observed> found = new ArrayList<>();
        for (long oid : pre) {
            CatalogSnapshot.Relation was = before.relations().get(oid);
            CatalogSnapshot.Relation is = after.relations().get(oid);
            if (was == null || is == null || !(is.isTable() || is.kind() == 'm')) {
                continue;
            }
            LockMode lock = after.locks().get(oid);
            String name = is.displayName();
            if (run.rewrote(oid)) {
                found.add(new Observed(LintRule.TABLE_REWRITE, statement, "PostgreSQL rewrites every row of " + is.kindName()
                        + " " + name + " and rebuilds its indexes, holding an ACCESS EXCLUSIVE lock: reads and writes of "
                        + name + " wait until the copy is done, " + SCALES.formatted(name) + "."
                        + alsoHeld(after, pre, lockOrigins, oid, statement), rewriteFix(form)));
                continue;
            }
            if (!run.locksKnown()) {
                continue;
            }
            // An index recreated on its old storage (a column retyped to a binary-compatible type) is not built again.
            Set<Long> stored = before.indexes().values().stream().map(CatalogSnapshot.Index::filenode).collect(Collectors.toSet());
            List<String> built = after.indexes().values().stream()
                    .filter(i -> i.table() == oid && !before.indexes().containsKey(i.oid()) && !stored.contains(i.filenode()))
                    .map(CatalogSnapshot.Index::name).sorted().toList();
            long scans = is.seqScans() - was.seqScans();
            if (!built.isEmpty() && lock != null && lock.blocksWrites()) {
                found.add(new Observed(LintRule.BLOCKING_INDEX_BUILD, statement, "builds index " + String.join(", ", built)
                        + " on the existing table " + name + " holding " + lock.withArticle() + " lock" + origin(lockOrigins, oid, statement)
                        + ": " + lock.blocked() + " of " + name + " wait until the index is built from every row, "
                        + SCALES.formatted(name) + "." + alsoHeld(after, pre, lockOrigins, oid, statement), indexFix(form)));
            } else if ((scans > 0 || run.targetScanPlanned()) && run.dmlTarget() != null && run.dmlTarget() == oid) {
                String command = form.dmlTarget().map(StatementForm.DmlTarget::command).orElse("UPDATE");
                String held = lock != null && lock.blocksWrites()
                        ? " The migration also holds " + lock.withArticle() + " lock on " + name + origin(lockOrigins, oid, statement)
                                + ": " + lock.blocked() + " of the whole table wait as long."
                        : "";
                found.add(new Observed(LintRule.WHOLE_TABLE_UPDATE, statement, command + " reads every row of " + name
                        + " and keeps each row it " + (command.equals("UPDATE") ? "updates" : "deletes")
                        + " locked until the migration commits: concurrent writes to those rows wait, " + SCALES.formatted(name)
                        + "." + held + alsoHeld(after, pre, lockOrigins, oid, statement),
                        "Backfill in batches (by primary-key ranges, each batch committed on its own) outside this migration"
                                + " or in a non-transactional one, and keep the schema change itself quick."));
            } else if (scans > 0 && lock != null && lock.blocksWrites()) {
                found.add(new Observed(LintRule.BLOCKING_SCAN, statement, "reads every row of " + name + scanPurpose(form)
                        + " while the migration holds " + lock.withArticle() + " lock on it" + origin(lockOrigins, oid, statement)
                        + ": " + lock.blocked() + " of " + name + " wait for the whole scan, " + SCALES.formatted(name) + "."
                        + alsoHeld(after, pre, lockOrigins, oid, statement), scanFix(form)));
            }
        }
        return found;
    }

    /** The other existing tables whose traffic waits as long, because the transaction holds blocking locks on them. */
    private static String alsoHeld(CatalogSnapshot after, Set<Long> pre, Map<Long, Integer> lockOrigins, long table,
            ScriptStatement statement) {
        String others = after.locks().entrySet().stream()
                .filter(e -> e.getKey() != table && pre.contains(e.getKey()) && e.getValue().blocksWrites())
                .filter(e -> after.relations().containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().sqlName() + " on " + after.relations().get(e.getKey()).displayName()
                        + origin(lockOrigins, e.getKey(), statement) + " (" + e.getValue().blocked() + " wait)")
                .collect(Collectors.joining(", "));
        return others.isEmpty() ? "" : " Meanwhile the migration also holds " + others + ".";
    }

    private static String origin(Map<Long, Integer> lockOrigins, long table, ScriptStatement statement) {
        Integer line = lockOrigins.get(table);
        return line == null || line == statement.line() ? "" : ", taken at line " + line;
    }

    private static String rewriteFix(StatementForm form) {
        if (form.mentions("REFRESH MATERIALIZED VIEW")) {
            return "REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view) keeps reads going while it refreshes.";
        }
        if (form.mentions(" GENERATED ")) {
            return "A stored generated column is computed for every row at once: add a plain nullable column instead, keep it"
                    + " filled by a trigger, and backfill existing rows in batches.";
        }
        if (form.mentions(" TYPE ")) {
            return "Expand/contract: add a column of the new type, keep both filled, backfill it in batches, switch the code"
                    + " to it, and drop the old column in a later migration.";
        }
        if (form.mentions(" ADD ")) {
            return "Add the column without a volatile default (a constant DEFAULT is stored without a rewrite since"
                    + " PostgreSQL 11), then set the default for new rows and backfill existing rows in batches.";
        }
        return "Change the table in a form PostgreSQL applies without rewriting it, or build a new table beside it and"
                + " switch over (expand/contract).";
    }

    private static String indexFix(StatementForm form) {
        if (form.keyword().equals("ALTER") && (form.mentions("UNIQUE") || form.mentions("PRIMARY KEY"))) {
            return "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY in a non-transactional migration, then"
                    + " ALTER TABLE … ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX …, which takes only a brief lock.";
        }
        return "Use CREATE INDEX CONCURRENTLY in a migration of its own, declared non-transactional by a"
                + " V<version>__<description>.sql.conf holding executeInTransaction=false: writes go on while it builds.";
    }

    private static String scanPurpose(StatementForm form) {
        if (form.mentions("VALIDATE CONSTRAINT")) {
            return " to validate the constraint";
        }
        if (form.mentions("FOREIGN KEY") || form.mentions("REFERENCES")) {
            return " to validate the foreign key";
        }
        if (form.mentions("CHECK")) {
            return " to validate the check constraint";
        }
        if (form.mentions("SET NOT NULL")) {
            return " to check that no row is null";
        }
        return "";
    }

    private static String scanFix(StatementForm form) {
        if (form.mentions("VALIDATE CONSTRAINT")) {
            return "Validate in a later migration than the one that took the lock, so that the scan runs under SHARE UPDATE"
                    + " EXCLUSIVE alone, which lets reads and writes go on.";
        }
        if (form.mentions("FOREIGN KEY") || form.mentions("REFERENCES") || form.mentions("CHECK")) {
            return "Add the constraint with NOT VALID (no scan, a brief lock), then ALTER TABLE … VALIDATE CONSTRAINT … in a"
                    + " later migration: validating holds only SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.";
        }
        if (form.mentions("SET NOT NULL")) {
            return "Add CHECK (column IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL, which"
                    + " PostgreSQL 12+ proves from the valid check without a scan, and drop the check.";
        }
        return "Run the statement that reads the whole table in a migration of its own, so that no lock taken earlier in"
                + " this migration is held while it runs.";
    }
}

package com.example.service.migration.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches one migration statement by statement: judges each statement's locks, rewrites and scans
 * as it runs, and at the end reports the catalog changes the release still running would notice,
 * each at the statement that first made it.
 */
final class MigrationObserver {

    private final CatalogSnapshot start;
    private final Set<Long> pre;
    private final List<Observed> found = new ArrayList<>();
    private final Map<Long, LockMode> heldModes = new HashMap<>();
    private final Map<Long, Integer> lockOrigins = new HashMap<>();
    private final Map<String, ScriptStatement> firstMadeBy = new LinkedHashMap<>();
    private final Set<String> converted = new HashSet<>();
    private CatalogSnapshot last;

    /** @param start the catalog before the migration's first statement */
    MigrationObserver(CatalogSnapshot start) {
        this.start = start;
        this.pre = Set.copyOf(start.relations().keySet());
        this.last = start;
    }

    CatalogSnapshot startSnapshot() {
        return start;
    }

    /** A finding that the script's form alone shows, before anything runs. */
    void add(Observed observed) {
        found.add(observed);
    }

    /** A statement has run; {@code run.after()} is read in the same transaction as it. */
    void ran(StatementRun run) {
        if (run.locksKnown()) {
            run.after().locks().forEach((oid, mode) -> {
                if (heldModes.get(oid) == null || mode.compareTo(heldModes.get(oid)) > 0) {
                    heldModes.put(oid, mode);
                    lockOrigins.put(oid, run.statement().line());
                }
            });
        }
        BreakingChanges.between(start, run.after()).values().forEach(change -> {
            if (firstMadeBy.putIfAbsent(change.key(), run.statement()) == null
                    && change.rule() == LintRule.CHANGE_COLUMN_TYPE && run.rewrote(change.table())) {
                converted.add(change.key());
            }
        });
        found.addAll(LockingRules.judge(run, pre, lockOrigins));
        last = run.after();
    }

    /** A transaction of the migration committed: the locks it held are gone. */
    void committed() {
        heldModes.clear();
        lockOrigins.clear();
    }

    /** Everything found, the catalog changes that last to the migration's end included. */
    List<Observed> finish() {
        List<Observed> all = new ArrayList<>(found);
        for (BreakingChanges.Change change : BreakingChanges.between(start, last).values()) {
            // A type changed without converting the values (varchar(50) to varchar(100), varchar to text) stays
            // readable and writable for the old release.
            if (change.rule() != LintRule.CHANGE_COLUMN_TYPE || converted.contains(change.key())) {
                all.add(new Observed(change.rule(), firstMadeBy.get(change.key()), change.message(), change.fix()));
            }
        }
        return all;
    }
}

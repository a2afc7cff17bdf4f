package com.example.service.migration.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the release still running, written against the schema before the migration, finds changed
 * after it: relations and columns gone, renamed, retyped or made required. Compared by name, as that
 * release's queries name them, so that a view dropped and created again with the same columns is no
 * change.
 */
final class BreakingChanges {

    private static final String EXPAND_CONTRACT = "Expand/contract: first release code that no longer uses %s, then %s"
            + " in a later migration, once no older release runs.";

    /**
     * A change the old release would notice.
     *
     * @param key   identifies the change, so that the statement that first made it can be found
     * @param table the oid of the relation concerned, before the migration
     */
    record Change(LintRule rule, String key, long table, String message, String fix) {
    }

    private BreakingChanges() {
    }

    /** The changes between {@code before} (the migration's start) and {@code now}, by key. */
    static Map<String, Change> between(CatalogSnapshot before, CatalogSnapshot now) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (CatalogSnapshot.Relation was : before.relations().values()) {
            String name = was.displayName();
            Optional<CatalogSnapshot.Relation> same = now.relation(was.oid());
            Optional<CatalogSnapshot.Relation> named = now.relationNamed(was.schema(), was.name());
            if (same.isPresent() && !same.get().name().equals(was.name()) || same.isPresent() && !same.get().schema().equals(was.schema())) {
                String renamed = same.get().displayName();
                add(changes, new Change(LintRule.RENAME_TABLE, "rename-table " + name, was.oid(), "renames " + was.kindName() + " "
                        + name + " to " + renamed + ": the release still running keeps querying " + name + ", and fails.",
                        "Expand/contract: rename it and create a view named " + name + " on it in the same migration (a simple view"
                                + " can be written through), then drop that view in a later migration, once no older release runs."));
            } else if (same.isEmpty() && (named.isEmpty() || was.isTable())) {
                String what = named.isPresent()
                        ? "drops table " + name + " and creates it again: its rows are gone, and the release still running sees an empty table."
                        : "drops " + was.kindName() + " " + name + ", which the release still running uses: its queries of " + name
                                + " fail from the moment this migration commits.";
                add(changes, new Change(LintRule.DROP_TABLE, "drop-table " + name, was.oid(), what,
                        EXPAND_CONTRACT.formatted(name, "drop it")));
            } else {
                CatalogSnapshot.Relation is = same.orElseGet(named::get);
                columns(changes, was, before.columnsOf(was.oid()), now.columnsOf(is.oid()), same.isPresent());
            }
        }
        return changes;
    }

    private static void columns(Map<String, Change> changes, CatalogSnapshot.Relation table,
            Map<Integer, CatalogSnapshot.Column> before, Map<Integer, CatalogSnapshot.Column> now, boolean sameRelation) {
        String t = table.displayName();
        Map<String, CatalogSnapshot.Column> nowByName = now.values().stream()
                .collect(Collectors.toMap(CatalogSnapshot.Column::name, Function.identity()));
        Map<String, CatalogSnapshot.Column> beforeByName = before.values().stream()
                .collect(Collectors.toMap(CatalogSnapshot.Column::name, Function.identity()));
        for (CatalogSnapshot.Column was : before.values()) {
            String c = t + "." + was.name();
            CatalogSnapshot.Column sameSlot = sameRelation ? now.get(was.attnum()) : null;
            CatalogSnapshot.Column named = nowByName.get(was.name());
            if (sameSlot != null && !sameSlot.name().equals(was.name())) {
                add(changes, new Change(LintRule.RENAME_COLUMN, "rename-column " + c, table.oid(), "renames column " + c + " to "
                        + sameSlot.name() + ": the release still running keeps naming " + was.name() + ", and its queries fail.",
                        "Expand/contract: add " + sameSlot.name() + ", keep both filled (a trigger, or writes to both), backfill,"
                                + " switch reads to it, and drop " + was.name() + " in a later migration, once no older release runs."));
            } else if (named == null) {
                add(changes, new Change(LintRule.DROP_COLUMN, "drop-column " + c, table.oid(), "drops column " + c
                        + ", which the release still running reads or writes: its queries naming " + was.name()
                        + " fail from the moment this migration commits.", EXPAND_CONTRACT.formatted(was.name(), "drop the column")));
            } else if (sameRelation && named.attnum() != was.attnum() && !named.automatic()) {
                add(changes, new Change(LintRule.DROP_COLUMN, "drop-column " + c, table.oid(), "drops column " + c
                        + " and adds it again: the value of every existing row is lost, and the release still running reads nulls.",
                        EXPAND_CONTRACT.formatted(was.name() + "'s old values", "drop the column")));
            } else if (table.isTable() && !named.type().equals(was.type())) {
                add(changes, new Change(LintRule.CHANGE_COLUMN_TYPE, "change-column-type " + c, table.oid(), "changes column " + c
                        + " from " + was.type() + " to " + named.type() + ", converting every value: the release still running"
                        + " reads and writes it as " + was.type() + ".",
                        "Expand/contract: add a column of type " + named.type() + ", keep both filled, backfill it in batches,"
                                + " switch the code to it, and drop " + was.name() + " in a later migration."));
            } else if (table.isTable() && !was.notNull() && named.required()) {
                add(changes, new Change(LintRule.MAKE_COLUMN_REQUIRED, "make-column-required " + c, table.oid(), "makes column " + c
                        + " NOT NULL without a default: inserts of the release still running that leave " + was.name()
                        + " out, or set it to null, fail.", "Give " + was.name() + " a DEFAULT, or make it NOT NULL in a later"
                                + " migration, once every running release writes it."));
            }
        }
        if (!table.isTable() || !sameRelation) {
            return;
        }
        for (CatalogSnapshot.Column is : now.values()) {
            if (!beforeByName.containsKey(is.name()) && !before.containsKey(is.attnum()) && is.required()) {
                String c = t + "." + is.name();
                add(changes, new Change(LintRule.ADD_REQUIRED_COLUMN, "add-required-column " + c, table.oid(), "adds column " + c
                        + " NOT NULL without a default: the release still running inserts rows without it, and those inserts"
                        + " fail; on a table that has rows PostgreSQL rejects the statement itself.",
                        "Add it with a DEFAULT (a constant one is stored without a rewrite), or nullable: backfill it, and SET NOT"
                                + " NULL in a later migration, once every running release writes it."));
            }
        }
    }

    private static void add(Map<String, Change> changes, Change change) {
        changes.putIfAbsent(change.key(), change);
    }
}

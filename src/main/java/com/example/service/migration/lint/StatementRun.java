package com.example.service.migration.lint;

/**
 * One statement as it ran on the scratch database.
 *
 * @param statement  the statement
 * @param form       what its text says
 * @param before     the catalog before it, in the same transaction
 * @param after      the catalog after it
 * @param locksKnown false when it ran outside a transaction, where neither its locks nor its scan
 *                   counters can be read afterwards
 * @param dmlTarget  the oid of the table an UPDATE or DELETE writes, else null
 * @param targetScanPlanned whether the statement's plan reads the whole of {@code dmlTarget}, which
 *                   its run on empty tables may skip
 */
record StatementRun(ScriptStatement statement, StatementForm form, CatalogSnapshot before, CatalogSnapshot after,
        boolean locksKnown, Long dmlTarget, boolean targetScanPlanned) {

    /** Whether PostgreSQL gave {@code table} new storage during this statement. */
    boolean rewrote(long table) {
        CatalogSnapshot.Relation was = before.relations().get(table);
        CatalogSnapshot.Relation is = after.relations().get(table);
        return was != null && is != null && is.filenode() != 0 && was.filenode() != is.filenode();
    }
}

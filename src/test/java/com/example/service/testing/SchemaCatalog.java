package com.example.service.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema's shape as the catalog tells it (tables, columns, sequences, indexes, constraints,
 * routines of {@code public}, the history table left out), one sorted line per object, so that two
 * states compare with equals whatever the server version. Column positions are left out: a column
 * dropped and added again gets a new one, which is no difference in shape.
 */
public final class SchemaCatalog {

    private static final String HISTORY = "flyway_schema_history";

    private static final List<String> QUERIES = List.of(
            "SELECT 'table ' || table_name || ' ' || table_type FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_name <> '" + HISTORY + "'",
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type"
                    + " || coalesce('(' || character_maximum_length || ')', '') || ' nullable=' || is_nullable"
                    + " || ' default=' || coalesce(column_default, '-')"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '" + HISTORY + "'",
            "SELECT 'sequence ' || sequence_name || ' ' || data_type || ' ' || increment"
                    + " FROM information_schema.sequences WHERE sequence_schema = 'public'",
            "SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes"
                    + " WHERE schemaname = 'public' AND tablename <> '" + HISTORY + "'",
            "SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ' ' || contype::text || ' '"
                    + " || pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '" + HISTORY + "'",
            "SELECT 'routine ' || routine_name || ' ' || routine_type FROM information_schema.routines"
                    + " WHERE routine_schema = 'public'");

    private SchemaCatalog() {
    }

    public static List<String> of(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        for (String query : QUERIES) {
            lines.addAll(db.column(query));
        }
        lines.sort(null);
        return lines;
    }
}

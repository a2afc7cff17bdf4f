package com.example.service.migration.undo;

/**
 * Whether a script holds anything PostgreSQL would execute. An undo script that is empty or only
 * comments undoes nothing, yet running it would delete its migration's history row: such a script
 * counts as missing.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * True when {@code sql} has a character outside whitespace, semicolons, {@code --} line comments
     * and (nested) block comments. Any statement starts with a keyword before its first string or
     * comment, so literals need no parsing here.
     */
    static boolean present(String sql) {
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '/' && next == '*') {
                depth++;
                i++;
            } else if (depth > 0) {
                if (c == '*' && next == '/') {
                    depth--;
                    i++;
                }
            } else if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (!Character.isWhitespace(c) && c != ';') {
                return true;
            }
        }
        return false;
    }
}

package com.example.service.migration;

import java.util.regex.Pattern;

/** Base of the failures this package reports; callers map each kind to an HTTP status or exit code. */
public abstract class MigrationException extends RuntimeException {

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    protected MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when nothing was attempted: the lock was held (or its wait ran out), the schema had
     * drifted, an undo script was missing, or the arguments were invalid.
     */
    public boolean refused() {
        return false;
    }

    /**
     * {@code text} on one line, each line break and the blanks around it made one space; "" for
     * null. PostgreSQL's messages span lines (Position, Where), but a failure reaches operators as a
     * log line, an audit row or the CLI's single error line.
     */
    public static String oneLine(String text) {
        return text == null ? "" : LINE_BREAK.matcher(text).replaceAll(" ").trim();
    }
}

package com.example.service.migration;

/** Base of the failures this package reports; callers map each kind to an HTTP status or exit code. */
public abstract class MigrationException extends RuntimeException {

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
}

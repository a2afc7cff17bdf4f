package com.example.service.migration;

/** Base of the failures this package reports; callers map each kind to an HTTP status or exit code. */
public abstract class MigrationException extends RuntimeException {

    protected MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

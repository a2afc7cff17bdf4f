package com.example.service.migration.lint;

import com.example.service.migration.MigrationException;

/** {@code db lint} could not do its job (no scratch server, a script it cannot read or replay); nothing was judged. */
public class LintException extends MigrationException {

    public LintException(String message, Throwable cause) {
        super(message, cause);
    }
}

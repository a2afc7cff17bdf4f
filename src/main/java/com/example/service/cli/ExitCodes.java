package com.example.service.cli;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.lock.LockUnavailableException;
import com.example.service.migration.release.OlderReleasesConnectedException;
import com.example.service.migration.state.ValidationFailedException;
import com.example.service.migration.state.WaitTimedOutException;

/** The exit codes of design.md section 4, the same for every command, and the one map from failures to them. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int PENDING = 3;
    static final int VALIDATION_FAILED = 4;
    static final int TIMED_OUT = 5;
    static final int LINT_ERRORS = 6;

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof CommandRefusedException || failure instanceof InvalidArgumentException) {
            return USAGE;
        }
        if (failure instanceof ValidationFailedException) {
            return VALIDATION_FAILED;
        }
        if (failure instanceof WaitTimedOutException || failure instanceof LockUnavailableException
                || failure instanceof OlderReleasesConnectedException) {
            return TIMED_OUT;
        }
        if (failure instanceof DatabaseUnavailableException unavailable) {
            return unavailable.timedOut() ? TIMED_OUT : ERROR;
        }
        return ERROR;
    }
}

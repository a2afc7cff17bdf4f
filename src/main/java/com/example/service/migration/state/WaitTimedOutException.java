package com.example.service.migration.state;

import com.example.service.migration.MigrationException;

/** A bounded wait for the schema ran out before it became current. */
public class WaitTimedOutException extends MigrationException {

    public WaitTimedOutException(String message) {
        super(message, null);
    }
}

package com.example.service.migration;

/** A bounded wait for the schema ran out before it became current. */
public class WaitTimedOutException extends MigrationException {

    public WaitTimedOutException(String message) {
        super(message, null);
    }
}

package com.example.service.migration;

/** A request that cannot be carried out as asked (a bad version, step count, description or folder); nothing ran. */
public class InvalidArgumentException extends MigrationException {

    public InvalidArgumentException(String message) {
        super(message, null);
    }

    @Override
    public boolean refused() {
        return true;
    }
}

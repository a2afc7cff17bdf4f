package com.example.service.migration.undo;

import java.util.List;

import com.example.service.migration.MigrationException;

/** A downgrade was refused before running anything, because some of its migrations have no undo script. */
public class MissingUndoException extends MigrationException {

    public MissingUndoException(List<String> versions, List<String> locations) {
        super("no undo script for " + String.join(", ", versions.stream().map(v -> "V" + v).toList())
                + " in " + String.join(",", locations) + " (expected U<version>__<description>.sql); nothing was undone",
                null);
    }

    @Override
    public boolean refused() {
        return true;
    }
}

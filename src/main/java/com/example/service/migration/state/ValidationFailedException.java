package com.example.service.migration.state;

import java.util.List;
import java.util.stream.Collectors;

import com.example.service.migration.MigrationException;

/** Applied migrations no longer match this code: checksum drift, a failed or a missing migration. */
public class ValidationFailedException extends MigrationException {

    private final transient List<DriftItem> items;

    public ValidationFailedException(List<DriftItem> items) {
        this("validation failed: " + items.stream()
                .map(i -> (i.version() == null ? "" : "V" + i.version() + ": ") + i.message())
                .collect(Collectors.joining("; ")), items);
    }

    ValidationFailedException(String message, List<DriftItem> items) {
        super(message, null);
        this.items = List.copyOf(items);
    }

    public List<DriftItem> items() {
        return items;
    }

    @Override
    public boolean refused() {
        return true;
    }
}

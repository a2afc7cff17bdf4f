package com.example.service.migration.state;

import java.util.List;

/**
 * An upgrade refused because applied scripts were edited since they were applied (see
 * {@link Drift}): a serving instance stays up and unready, {@code db upgrade} exits 4.
 */
public class SchemaDriftException extends ValidationFailedException {

    SchemaDriftException(String message, List<DriftItem> items) {
        super(message, items);
    }
}

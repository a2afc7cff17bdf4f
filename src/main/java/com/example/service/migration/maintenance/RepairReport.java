package com.example.service.migration.maintenance;

import java.util.List;

import com.example.service.migration.Migration;

/**
 * What a repair changed in the schema history.
 *
 * @param removed failed migrations whose rows were removed (they will run again)
 * @param aligned applied migrations whose checksum, description or type was realigned with the scripts
 * @param deleted applied migrations no longer found, marked as deleted
 */
public record RepairReport(List<Migration> removed, List<Migration> aligned, List<Migration> deleted) {

    /** True when the history needed no change. */
    public boolean nothingChanged() {
        return removed.isEmpty() && aligned.isEmpty() && deleted.isEmpty();
    }
}

package com.example.service.admin;

import java.util.List;

/**
 * The answer of {@code GET /admin/db/validate}.
 *
 * @param valid true when the applied migrations match this code's scripts and none failed
 * @param items each finding: checksum drift, a failed migration, an applied one whose script is gone
 */
public record ValidationReport(boolean valid, List<DriftItem> items) {

    static ValidationReport of(List<com.example.service.migration.state.DriftItem> drift) {
        return new ValidationReport(drift.isEmpty(), DriftItem.all(drift));
    }
}

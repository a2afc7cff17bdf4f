package com.example.service.migration.audit;

/** CDI event fired once an audited schema change has ended, whatever its result. */
public record SchemaChangeRecorded(AuditEntry entry) {
}

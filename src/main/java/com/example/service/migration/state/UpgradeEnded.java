package com.example.service.migration.state;

/**
 * CDI event, fired once a change of this process that took the migration lock has released it having
 * changed nothing (failed, refused or stopped before anything was applied): no refresh follows that,
 * so the cached state must stop naming this process as the holder now, whether the holder was read as
 * its first migration began or by a periodic refresh while it held the lock. A change that changed the
 * schema announces {@link SchemaChanged} instead, whose refresh reads the holder.
 */
public record UpgradeEnded() {
}

package com.example.service.migration.state;

/**
 * CDI event, fired asynchronously once an upgrade of this process holds the migration lock and has
 * migrations to apply, so that the cached state shows the lock holder at once, not one refresh later.
 */
public record UpgradeStarted() {
}

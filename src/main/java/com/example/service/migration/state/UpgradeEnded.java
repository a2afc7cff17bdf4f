package com.example.service.migration.state;

/**
 * CDI event, fired once an upgrade of this process that began applying migrations has returned and
 * released the migration lock, whatever its outcome: the cached state must stop naming this process
 * as the holder then, also when the upgrade failed and changed nothing (no refresh follows that).
 */
public record UpgradeEnded() {
}

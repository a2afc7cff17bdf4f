package com.example.service.migration.state;

/**
 * CDI event, fired once a change of this process that took the migration lock has returned and
 * released it, whatever its outcome: the cached state must stop naming this process as the holder
 * then, also when the change failed and changed nothing (no refresh follows that), whether the holder
 * was read as its first migration began or by a periodic refresh while it held the lock.
 */
public record UpgradeEnded() {
}

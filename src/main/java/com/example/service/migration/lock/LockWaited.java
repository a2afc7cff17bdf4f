package com.example.service.migration.lock;

import java.time.Duration;

/**
 * CDI event fired when {@link MigrationLock#acquire} found the lock held by another session.
 *
 * @param waited  how long it waited
 * @param outcome how the wait ended
 */
public record LockWaited(Duration waited, Outcome outcome) {

    /** How a wait for the migration lock ended. */
    public enum Outcome {
        /** The lock came free within the wait. */
        ACQUIRED,
        /** The wait ran out. */
        TIMED_OUT,
        /** No wait was asked (the admin API): refused at once. */
        BUSY;

        /** The lower-case form used in metric tags. */
        public String label() {
            return name().toLowerCase();
        }
    }
}

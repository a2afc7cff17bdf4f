package com.example.service.migration;

import java.sql.Connection;
import java.util.Optional;

/**
 * One change to the schema or its history (upgrade, reset, downgrade, repair, baseline), as the
 * template in {@code change/} runs it: {@link #withoutLock()} first, then, holding the migration
 * lock, {@link #run}. The template takes the lock, translates errors, audits, and announces the
 * change once the lock is released; the change itself only does its work.
 *
 * @param <T> what it reports
 */
public interface SchemaChange<T> {

    /**
     * Before the lock: checks the arguments (throwing {@link InvalidArgumentException}), and answers
     * at once when there is nothing to do, so that replicas with nothing to apply never queue for the lock.
     */
    default Optional<T> withoutLock() {
        return Optional.empty();
    }

    /** With the migration lock held. */
    T run(MigrationListener listener, Tracker tracker);

    /** What the change tells the template as it goes, so that shutdown and the announcement follow what happened. */
    interface Tracker {

        /**
         * {@code migration} starts on {@code connection}, which shutdown may cancel; the one before it
         * in this change, if any, has committed.
         *
         * @throws IllegalStateException when the process is shutting down: nothing new starts then
         */
        void started(Migration migration, Connection connection);

        /** Every migration started so far has committed. */
        void committed();

        /** The change wrote something other than a migration (history rows, a baseline). */
        void changed();
    }
}

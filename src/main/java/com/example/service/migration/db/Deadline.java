package com.example.service.migration.db;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The end of a bounded wait (for the database, the migration lock, a current schema), and the
 * pause between two looks: never past the end, so a wait overruns its timeout by one look at most.
 */
public final class Deadline {

    private final long start;
    private final long end;

    private Deadline(long start, Duration timeout) {
        this.start = start;
        this.end = start + timeout.toNanos();
    }

    /** The deadline {@code timeout} from now; {@link Duration#ZERO} has passed at once. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime(), timeout);
    }

    public boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** Time since the wait began. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Sleeps {@code every}, or until the deadline when that comes first.
     *
     * @param interrupted what to throw when the thread is interrupted (its flag is set again first)
     */
    public void pause(Duration every, Supplier<? extends RuntimeException> interrupted) {
        long left = end - System.nanoTime();
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(every.toNanos(), left))).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.get();
        }
    }
}

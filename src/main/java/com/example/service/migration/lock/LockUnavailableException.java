package com.example.service.migration.lock;

import java.util.Optional;

import com.example.service.migration.MigrationException;

/** Another session holds the migration lock: at once (no wait asked) or after the wait ran out. */
public class LockUnavailableException extends MigrationException {

    private final transient Optional<LockHolder> holder;

    public LockUnavailableException(Optional<LockHolder> holder, boolean timedOut) {
        super((timedOut ? "timed out waiting for the migration lock, held by " : "the migration lock is held by ")
                + holder.map(LockHolder::describe).orElse("another session"), null);
        this.holder = holder;
    }

    public Optional<LockHolder> holder() {
        return holder;
    }

    @Override
    public boolean refused() {
        return true;
    }
}

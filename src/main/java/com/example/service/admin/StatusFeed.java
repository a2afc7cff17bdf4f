package com.example.service.admin;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import com.example.service.config.RunMode;
import com.example.service.migration.change.UpgradeProgress;
import com.example.service.migration.startup.StartupMigration;
import com.example.service.migration.state.SchemaActivity;
import com.example.service.migration.state.SchemaStateCache;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The status as {@code GET /admin/db/status} answers it, and a stream of it for the console: each
 * subscriber gets the status now, then every status that differs from the one before (a refresh
 * that changed nothing but the time sends nothing). Nothing polls: every refresh of the cached
 * state, step of this process's upgrade and phase of its startup migration signals a
 * {@link SchemaActivity}, and the status is re-read then. A slow client gets the latest status, not
 * a backlog.
 */
@ApplicationScoped
public class StatusFeed {

    private final SchemaStateCache cache;
    private final StartupMigration startup;
    private final UpgradeProgress upgrades;
    private final Set<MultiEmitter<? super DbStatus>> subscribers = new CopyOnWriteArraySet<>();
    /** The last status sent; guarded by this feed's monitor, so subscribers see statuses in order. */
    private DbStatus last;

    StatusFeed(SchemaStateCache cache, StartupMigration startup, UpgradeProgress upgrades) {
        this.cache = cache;
        this.startup = startup;
        this.upgrades = upgrades;
    }

    /** The status now; never blocks. */
    public DbStatus current() {
        return DbStatus.of(cache.current(), startup.progress(), upgrades.current());
    }

    /** The status now, then each change, until the subscriber cancels. */
    public Multi<DbStatus> stream() {
        return Multi.createFrom().<DbStatus>emitter(emitter -> {
            emitter.onTermination(() -> subscribers.remove(emitter));
            synchronized (this) {
                if (!emitter.isCancelled()) {
                    subscribers.add(emitter);
                    emitter.emit(current());
                }
            }
        }, BackPressureStrategy.LATEST);
    }

    /*
     * Static, as the other observers of schema activity: a db command upgrading a thousand migrations
     * signals two thousand steps, and has neither a console nor a feed to create for them.
     */
    static void onActivity(@Observes SchemaActivity activity, RunMode runMode, Instance<StatusFeed> feed) {
        if (runMode.serving()) {
            feed.get().publish();
        }
    }

    // Not private: feed.get() is the client proxy, which forwards only non-private methods.
    synchronized void publish() {
        DbStatus now = current();
        if (now.sameAs(last)) {
            return;
        }
        last = now;
        subscribers.forEach(subscriber -> subscriber.emit(now));
    }
}

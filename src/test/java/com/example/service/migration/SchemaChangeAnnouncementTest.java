package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.lock.LockUnavailableException;
import com.example.service.migration.state.SchemaChanged;
import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 3: {@link SchemaChanged} is announced by a change that held the migration lock and
 * wrote something, never by one that was refused the lock.
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "migration.lock-timeout", value = "1s") })
class SchemaChangeAnnouncementTest {

    /** MigrationLock's key, as pg_advisory_lock takes it. */
    private static final String LOCK_KEY = "1163087175, 1";

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    SchemaChanges changes;

    @Inject
    Actors actors;

    @Inject
    Announcements announcements;

    @Test
    void onlyAChangeThatHeldTheLockAndWroteSomethingIsAnnounced() throws SQLException {
        try (Connection other = TestDatabase.existing(database).connect(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            announcements.seen.clear();

            assertThatThrownBy(() -> changes.repair(actors.commandLine())).isInstanceOf(LockUnavailableException.class);
            assertThatThrownBy(() -> changes.reset(actors.commandLine(), MigrationListener.NONE))
                    .isInstanceOf(LockUnavailableException.class);
            assertThatThrownBy(() -> changes.downgrade(actors.commandLine(), 1, MigrationListener.NONE))
                    .isInstanceOf(LockUnavailableException.class);
            assertThatThrownBy(() -> changes.upgrade(actors.http("ops"), null, MigrationListener.NONE))
                    .isInstanceOf(LockUnavailableException.class);
            assertThat(announcements.seen).as("changes refused the lock").isEmpty();
        }

        changes.upgrade(actors.commandLine(), null, MigrationListener.NONE);
        assertThat(announcements.seen).as("an upgrade that applied migrations").containsExactly("upgrade");
        changes.upgrade(actors.commandLine(), null, MigrationListener.NONE);
        assertThat(announcements.seen).as("an upgrade with nothing to apply").containsExactly("upgrade");
    }

    /** Records every announcement this application makes (a singleton: no client proxy in front of its field). */
    @Singleton
    static class Announcements {

        final List<String> seen = new CopyOnWriteArrayList<>();

        void on(@Observes SchemaChanged event) {
            seen.add(event.reason());
        }
    }
}

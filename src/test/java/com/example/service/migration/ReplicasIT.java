package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.example.service.migration.lock.MigrationLock;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * Several instances of the packaged jar against one database, as replicas of a Deployment start:
 * they migrate once between them, and the ones that did not migrate become ready by themselves.
 */
@Isolated // alone (pom.xml): replicas race for the lock, and a waiter must read the state within 3 s
class ReplicasIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration REFRESH = Duration.ofSeconds(1);
    /** Time for one full read of the schema state (Flyway info and validation) on a busy machine. */
    private static final Duration READ = Duration.ofSeconds(3);
    private static final Pattern MIGRATED = Pattern.compile("Schema migrated from \\S+ to (\\S+): (\\d+) migration\\(s\\)");

    @Test
    void fourInstancesStartedTogetherOnAnEmptyDatabaseAllBecomeReadyAndEachMigrationRunsOnce() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create()
                        // Long enough that the others are still starting when the first one migrates.
                        .with("V4__slow.sql", "SELECT pg_sleep(2);\n")
                        // Waits for every older transaction in the database: it would hang if a
                        // waiting instance kept one open.
                        .with("V5__index_item_created_at.sql",
                                "CREATE INDEX CONCURRENTLY item_created_at_idx ON item (created_at);\n")
                        .with("V5__index_item_created_at.sql.conf", "executeInTransaction=false\n")) {
            List<ServiceProcess> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Map<String, String> env = ServiceProcess.environment(db.name());
                    env.put("MIGRATION_LOCATIONS", extra.afterShipped());
                    replicas.add(ServiceProcess.start(env));
                }
                boolean oneWaitedWhileAnotherMigrated = false;
                long deadline = System.nanoTime() + START.toNanos();
                while (!allReady(replicas)) {
                    List<String> phases = replicas.stream()
                            .map(r -> r.healthData("/q/health/started").path("phase").asText()).toList();
                    oneWaitedWhileAnotherMigrated |= phases.contains("MIGRATING") && phases.contains("WAITING_FOR_LOCK");
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("not all four ready within " + START + "; outputs:\n" + outputs(replicas));
                    }
                    ServiceProcess.sleep(100);
                }

                assertThat(oneWaitedWhileAnotherMigrated).as("an instance waited for the lock while another migrated")
                        .isTrue();
                assertThat(db.column("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
                        .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
                assertThat(db.single("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'item_created_at_idx'::regclass"))
                        .isEqualTo("true");
                List<Matcher> summaries = replicas.stream().map(ReplicasIT::summary).toList();
                assertThat(summaries).extracting(m -> m.group(1)).as("version each replica reports").containsOnly("5");
                assertThat(summaries).extracting(m -> m.group(2)).as("migrations applied by each replica")
                        .containsOnly("0", "5").containsOnlyOnce("5");
            } finally {
                replicas.forEach(ServiceProcess::close);
            }
        }
    }

    @Test
    void anInstanceThatDoesNotMigrateIsReadyWithinOneRefreshOfAnotherProcessMigrating() {
        try (TestDatabase db = TestDatabase.create();
                ServiceProcess bystander = ServiceProcess.start(withRefresh(db, Map.of("MIGRATE_AT_START", "false")))) {
            bystander.awaitStatus("/q/health/started", 200, START);
            String firstCheck = awaitRefreshed(bystander, null);
            awaitRefreshed(bystander, firstCheck);
            assertThat(bystander.status("/q/health/ready")).isEqualTo(503);
            assertThat(bystander.healthData("/q/health/ready").path("reason").asText())
                    .startsWith("pending migration(s): V1");

            try (ServiceProcess migrator = ServiceProcess.start(ServiceProcess.environment(db.name()))) {
                awaitAppliedVersions(db, List.of("1", "2", "3"));
                bystander.awaitStatus("/q/health/ready", 200, REFRESH.plus(READ));
            }
            assertThat(bystander.status("/api/items")).isEqualTo(200);
            assertThat(bystander.output()).doesNotContain("Schema migrated");
        }
    }

    @Test
    void anInstanceWhoseLockWaitRunsOutStaysUpUnreadyAndServesOnceTheSchemaIsCurrent() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection other = db.connect()) {
            holdMigrationLock(other);
            try (ServiceProcess waiter = ServiceProcess.start(withRefresh(db, Map.of("MIGRATION_LOCK_TIMEOUT", "3s")))) {
                awaitPhase(waiter, "WAITING_FOR_LOCK");
                assertThat(waiter.status("/q/health/started")).isEqualTo(503);

                waiter.awaitStatus("/q/health/started", 200, START);
                assertThat(waiter.healthData("/q/health/started").path("phase").asText()).isEqualTo("LOCK_TIMED_OUT");
                assertThat(waiter.status("/q/health/ready")).isEqualTo(503);
                assertThat(waiter.healthData("/q/health/ready").path("reason").asText()).startsWith("pending migration(s)");
                assertThat(waiter.output()).contains("Startup migration skipped", "MIGRATION_LOCK_TIMEOUT");

                other.close();
                try (ServiceProcess migrator = ServiceProcess.start(ServiceProcess.environment(db.name()))) {
                    awaitAppliedVersions(db, List.of("1", "2", "3"));
                    waiter.awaitStatus("/q/health/ready", 200, REFRESH.plus(READ));
                }
                assertThat(waiter.isAlive()).isTrue();
                assertThat(waiter.status("/api/items")).isEqualTo(200);
                assertThat(waiter.output()).doesNotContain("Schema migrated");
            }
        }
    }

    private static Map<String, String> withRefresh(TestDatabase db, Map<String, String> more) {
        Map<String, String> env = ServiceProcess.environment(db.name());
        env.put("SCHEMA_STATE_REFRESH", REFRESH.toSeconds() + "s");
        env.putAll(more);
        return env;
    }

    /** Another session takes the lock every schema change takes, as a migrating instance would. */
    private static void holdMigrationLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, MigrationLock.KEY_SPACE);
            lock.setInt(2, MigrationLock.KEY);
            lock.execute();
        }
    }

    private static boolean allReady(List<ServiceProcess> replicas) {
        return replicas.stream().allMatch(r -> {
            if (!r.isAlive()) {
                throw new AssertionError("a replica exited; output:\n" + r.output());
            }
            return r.status("/q/health/ready") == 200;
        });
    }

    /** The startup migration's summary line: group 1 the version reached, group 2 how many it applied. */
    private static Matcher summary(ServiceProcess replica) {
        Matcher matcher = MIGRATED.matcher(replica.output());
        assertThat(matcher.find()).as("the startup migration's summary line in:%n%s", replica.output()).isTrue();
        return matcher;
    }

    /** Waits for a refresh of the readiness state after {@code previous} and returns its time. */
    private static String awaitRefreshed(ServiceProcess service, String previous) {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            String checkedAt = service.healthData("/q/health/ready").path("checkedAt").asText(null);
            if (checkedAt != null && !checkedAt.equals(previous)) {
                return checkedAt;
            }
            ServiceProcess.sleep(100);
        }
        throw new AssertionError("the schema state was not refreshed; output:\n" + service.output());
    }

    private static void awaitPhase(ServiceProcess service, String phase) {
        long deadline = System.nanoTime() + START.toNanos();
        while (!phase.equals(service.healthData("/q/health/started").path("phase").asText())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("phase " + phase + " not reached; output:\n" + service.output());
            }
            ServiceProcess.sleep(50);
        }
    }

    private static void awaitAppliedVersions(TestDatabase db, List<String> versions) {
        long deadline = System.nanoTime() + START.toNanos();
        while (!(db.historyTableExists() && db.appliedVersions().equals(versions))) {
            assertThat(System.nanoTime()).as("versions %s applied", versions).isLessThan(deadline);
            ServiceProcess.sleep(50);
        }
    }

    private static String outputs(List<ServiceProcess> replicas) {
        StringBuilder all = new StringBuilder();
        replicas.forEach(r -> all.append("---- replica on port ").append(r.port()).append('\n').append(r.output()));
        return all.toString();
    }
}

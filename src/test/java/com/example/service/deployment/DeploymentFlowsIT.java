package com.example.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * The three ways the deployment files run migrations, played without a Docker engine: each
 * container's arguments and environment taken from the rendered file, run through the image's
 * entry point against the packaged jar and a real PostgreSQL, in the order compose or Kubernetes
 * starts them. Each ends with the service ready and the schema current.
 */
class DeploymentFlowsIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");


    @Test
    void autoMigrate_theComposeServiceMigratesAtStartAndTheEntrypointHandsSignalsToTheJvm() {
        ContainerSpec app = composeContainer(DeploymentFiles.COMPOSE, "app");
        assertThat(app.args()).as("the image's default command").isEmpty();
        try (TestDatabase db = TestDatabase.create(); ServiceProcess service = EntrypointRun.start(app, db.name())) {
            service.awaitStatus("/q/health/ready", 200, START);
            assertThat(db.appliedVersions()).isEqualTo(shippedVersions());

            assertThat(service.handle().info().command()).as("exec all the way: the entry point's process is the JVM")
                    .hasValueSatisfying(program -> assertThat(Path.of(program).getFileName()).hasToString("java"));
            service.terminate();
            service.awaitExit(Duration.ofSeconds(30));
            assertThat(service.output()).as("Quarkus shut down on SIGTERM").contains("example-service stopped in");
        }
    }

    @Test
    void migrateService_aOneShotUpgradeThenTheServiceWithoutAutoMigration() {
        try (TestDatabase db = TestDatabase.create()) {
            runToSuccess(composeContainer(DeploymentFiles.COMPOSE_MIGRATE_SERVICE, "migrate"), db);
            assertThat(db.appliedVersions()).isEqualTo(shippedVersions());
            startsReadyWithoutMigrating(composeContainer(DeploymentFiles.COMPOSE_MIGRATE_SERVICE, "app"), db);
        }
    }

    @Test
    void initContainer_upgradesThenTheAppContainerServes() {
        List<ContainerSpec> base = kubernetes(DeploymentFiles.K8S_BASE);
        try (TestDatabase db = TestDatabase.create()) {
            runToSuccess(ContainerSpec.named(base, "migrate"), db);
            assertThat(db.appliedVersions()).isEqualTo(shippedVersions());
            startsReadyWithoutMigrating(ContainerSpec.named(base, "app"), db);
        }
    }

    @Test
    void migrationJob_podsWaitForTheJobThenServe() {
        List<ContainerSpec> overlay = kubernetes(DeploymentFiles.K8S_MIGRATION_JOB);
        try (TestDatabase db = TestDatabase.create();
                ServiceProcess waiting = EntrypointRun.start(ContainerSpec.named(overlay, "wait-for-schema"), db.name())) {
            // Pods may start before the Job has run: their init container must wait, not fail.
            ServiceProcess.sleep(5_000);
            assertThat(waiting.isAlive()).as("db wait before the migration:\n" + waiting.output()).isTrue();
            assertThat(db.historyTableExists()).as("the init container must not migrate").isFalse();

            runToSuccess(ContainerSpec.named(overlay, "migrate"), db);
            assertThat(waiting.awaitExit(START)).as(waiting.output()).isZero();
            assertThat(db.appliedVersions()).isEqualTo(shippedVersions());
            startsReadyWithoutMigrating(ContainerSpec.named(overlay, "app"), db);
        }
    }

    private static void runToSuccess(ContainerSpec spec, TestDatabase db) {
        try (ServiceProcess command = EntrypointRun.start(spec, db.name())) {
            assertThat(command.awaitExit(START)).as(spec.origin() + ":\n" + command.output()).isZero();
        }
    }

    private static void startsReadyWithoutMigrating(ContainerSpec app, TestDatabase db) {
        try (ServiceProcess service = EntrypointRun.start(app, db.name())) {
            service.awaitStatus("/q/health/ready", 200, START);
            assertThat(service.output()).as(app.origin() + " leaves the schema to the migration step")
                    .contains("MIGRATE_AT_START=false");
        }
    }

    private static ContainerSpec composeContainer(String file, String service) {
        return ContainerSpec.named(ContainerSpec.ofCompose(file, DeploymentFiles.compose(file)), service);
    }

    private static List<ContainerSpec> kubernetes(String dir) {
        return ContainerSpec.ofKubernetes(dir, DeploymentFiles.kustomize(dir));
    }

    /** The versions of the migrations this build ships, in the order they apply. */
    private static List<String> shippedVersions() {
        try (Stream<Path> files = Files.list(DeploymentFiles.ROOT.resolve("src/main/resources/db/migration"))) {
            return files.map(f -> MIGRATION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1).replace('_', '.'))
                    .sorted(Comparator.comparing(DeploymentFlowsIT::versionKey, Arrays::compare)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] versionKey(String version) {
        return Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}

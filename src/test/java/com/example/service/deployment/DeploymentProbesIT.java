package com.example.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** Every health check the deployment files configure is answered by the packaged jar. */
class DeploymentProbesIT {

    private static final Duration START = Duration.ofSeconds(60);

    private static List<ContainerSpec> deployed;

    @BeforeAll
    static void render() {
        deployed = ContainerSpec.allDeployed();
    }

    @Test
    void everyKubernetesProbePathAnswers200OnAReadyInstance() {
        Set<String> paths = new TreeSet<>();
        for (ContainerSpec spec : deployed) {
            spec.probes().forEach(probe -> {
                assertThat(probe.path()).as(spec.origin() + " " + probe.kind() + " is an HTTP GET").isNotNull();
                paths.add(probe.path());
            });
        }
        assertThat(paths).isNotEmpty();
        try (TestDatabase db = TestDatabase.create();
                ServiceProcess service = ServiceProcess.start(ServiceProcess.environment(db.name()))) {
            service.awaitStatus("/q/health/ready", 200, START);
            paths.forEach(path -> assertThat(service.status(path)).as(path).isEqualTo(200));
        }
    }

    @Test
    void composeHealthChecksPassOnAReadyInstanceOnly() {
        List<List<String>> checks = new ArrayList<>();
        deployed.stream().filter(spec -> !spec.healthcheck().isEmpty())
                .forEach(spec -> checks.add(spec.healthcheck().subList(1, spec.healthcheck().size())));
        assertThat(checks).isNotEmpty();
        try (TestDatabase ready = TestDatabase.create(); TestDatabase empty = TestDatabase.create();
                ServiceProcess service = ServiceProcess.start(ServiceProcess.environment(ready.name()));
                ServiceProcess unready = ServiceProcess.start(withoutMigration(empty.name()))) {
            service.awaitStatus("/q/health/ready", 200, START);
            unready.awaitStatus("/q/health/started", 200, START);
            for (List<String> check : checks) {
                assertThat(run(check, service.port())).as(check + " on a ready instance").isZero();
                assertThat(run(check, unready.port())).as(check + " on an instance whose schema is not current").isNotZero();
                assertThat(run(check, ServiceProcess.freePort())).as(check + " where nothing listens").isNotZero();
            }
        }
    }

    private static Map<String, String> withoutMigration(String database) {
        Map<String, String> env = ServiceProcess.environment(database);
        env.put("MIGRATE_AT_START", "false");
        return env;
    }

    /** Runs a check command as the container would, its program taken from src/main/docker. */
    private static int run(List<String> check, int port) {
        List<String> command = new ArrayList<>(check);
        command.set(0, DeploymentFiles.DOCKER_DIR.resolve(check.get(0)).toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PORT", String.valueOf(port));
            Process process = builder.start();
            process.getInputStream().readAllBytes();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(command + " finished").isTrue();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

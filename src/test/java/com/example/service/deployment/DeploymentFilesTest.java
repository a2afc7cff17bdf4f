package com.example.service.deployment;

import static com.example.service.deployment.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The compose files, the kustomizations and the Dockerfile agree with the application they deploy:
 * every command, environment variable and port they name is one the jar really has, reads or
 * listens on. The probe paths are called on a running jar in {@link DeploymentProbesIT}, the flows
 * run in {@link DeploymentFlowsIT}.
 */
@Execution(ExecutionMode.CONCURRENT) // Beside the Quarkus tests (pom.xml); the lock keeps its own methods in order.
@ResourceLock("deployment-files")
class DeploymentFilesTest {

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final int LONG_MIGRATION_SECONDS = 600;

    private static List<ContainerSpec> deployed;

    @BeforeAll
    static void render() {
        deployed = ContainerSpec.allDeployed();
    }

    @Test
    void everyCommandIsServeOrARealDbCommandWithRealOptions() {
        Map<String, Set<String>> db = DbCommands.available();
        for (ContainerSpec spec : deployed) {
            assertThat(spec.entrypoint()).as(spec.origin() + " must keep the image's entry point").isEmpty();
            if (spec.serves()) {
                assertThat(spec.args()).as(spec.origin()).isIn(List.of(), List.of("serve"));
                continue;
            }
            assertThat(spec.args()).as(spec.origin() + " runs serve or db <command>").hasSizeGreaterThan(1)
                    .first().isEqualTo("db");
            String command = spec.args().get(1);
            assertThat(db).as(spec.origin() + ": db " + command).containsKey(command);
            spec.args().stream().skip(2).filter(arg -> arg.startsWith("-")).map(arg -> arg.split("=", 2)[0])
                    .forEach(option -> assertThat(db.get(command)).as(spec.origin() + ": db " + command + " " + option)
                            .contains(option));
        }
    }

    @Test
    void everyEnvironmentVariableIsReadByTheAppAndDocumentedInTheReadme() {
        Set<String> read = AppConfigSurface.environmentVariables();
        Set<String> documented = AppConfigSurface.readmeVariables();
        for (ContainerSpec spec : deployed) {
            assertThat(spec.env().keySet()).as(spec.origin() + ": variables the application reads").isSubsetOf(read);
            assertThat(spec.env().keySet()).as(spec.origin() + ": variables of the README configuration table")
                    .isSubsetOf(documented);
        }
    }

    @Test
    void theServiceListensWhereTheFilesSayAndCommandsDeclareNoPort() {
        for (ContainerSpec spec : deployed) {
            if (!spec.serves()) {
                assertThat(spec.ports()).as(spec.origin() + ": command mode binds no port").isEmpty();
                continue;
            }
            int port = AppConfigSurface.httpPort(spec.env());
            assertThat(spec.ports()).as(spec.origin() + ": container ports").containsExactly(port);
            spec.probes().forEach(probe -> assertThat(probe.port()).as(spec.origin() + " " + probe.kind()).isEqualTo(port));
        }
        assertThat(DeploymentFiles.dockerfileInstructions("EXPOSE"))
                .containsExactly(String.valueOf(AppConfigSurface.httpPort(DeploymentFiles.dockerfileEnv())));
    }

    @Test
    void theKubernetesServiceSendsTrafficToTheServingPodsOnly() {
        for (String dir : DeploymentFiles.KUSTOMIZATIONS) {
            List<JsonNode> docs = DeploymentFiles.kustomize(dir);
            JsonNode service = single(docs, "Service");
            JsonNode deployment = single(docs, "Deployment");
            JsonNode selector = service.path("spec").path("selector");
            assertThat(matches(selector, deployment.path("spec").path("template").path("metadata").path("labels")))
                    .as(dir + ": the Service selects the Deployment's pods").isTrue();
            docs.stream().filter(d -> "Job".equals(d.path("kind").asText())).forEach(job -> assertThat(
                    matches(selector, job.path("spec").path("template").path("metadata").path("labels")))
                    .as(dir + ": the Service must not select the migration Job's pod").isFalse());
            JsonNode app = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String targetPort = service.path("spec").path("ports").get(0).path("targetPort").asText();
            assertThat(app.path("ports").findValuesAsText("name")).as(dir + ": the Service's targetPort").contains(targetPort);
        }
    }

    @Test
    void theBaseMigratesInAnInitContainerAndGivesTheServiceTimeForALongMigration() {
        List<ContainerSpec> base = ContainerSpec.ofKubernetes(DeploymentFiles.K8S_BASE, DeploymentFiles.kustomize(DeploymentFiles.K8S_BASE));
        assertThat(ContainerSpec.named(base, "migrate").args()).containsExactly("db", "upgrade");
        ContainerSpec app = ContainerSpec.named(base, "app");
        assertThat(app.probes()).extracting(ContainerSpec.Probe::kind, ContainerSpec.Probe::path).containsExactlyInAnyOrder(
                tuple("startupProbe", "/q/health/started"),
                tuple("readinessProbe", "/q/health/ready"),
                tuple("livenessProbe", "/q/health/live"));
        assertThat(app.env()).containsEntry("MIGRATE_AT_START", "false");

        JsonNode startup = single(DeploymentFiles.kustomize(DeploymentFiles.K8S_BASE), "Deployment")
                .path("spec").path("template").path("spec").path("containers").get(0).path("startupProbe");
        assertThat(startup.path("failureThreshold").asInt() * startup.path("periodSeconds").asInt())
                .as("seconds a startup migration may take before the pod is restarted").isGreaterThanOrEqualTo(LONG_MIGRATION_SECONDS);
    }

    @Test
    void theMigrationJobOverlayMigratesOnceAndPodsOnlyWait() {
        List<ContainerSpec> overlay = ContainerSpec.ofKubernetes(DeploymentFiles.K8S_MIGRATION_JOB,
                DeploymentFiles.kustomize(DeploymentFiles.K8S_MIGRATION_JOB));
        assertThat(ContainerSpec.named(overlay, "migrate").origin()).contains("Job/");
        assertThat(ContainerSpec.named(overlay, "migrate").args()).containsExactly("db", "upgrade");
        assertThat(ContainerSpec.named(overlay, "wait-for-schema").args()).startsWith("db", "wait", "--until", "current");
        assertThat(ContainerSpec.named(overlay, "app").env()).containsEntry("MIGRATE_AT_START", "false");
        assertThat(overlay).as("nothing but the Job migrates").filteredOn(s -> s.args().equals(List.of("db", "upgrade")))
                .hasSize(1);
    }

    @Test
    void everyPodRunsAsNonRootWithLimitsAndAReadOnlyRootFilesystem() {
        for (String dir : DeploymentFiles.KUSTOMIZATIONS) {
            for (JsonNode doc : DeploymentFiles.kustomize(dir)) {
                JsonNode pod = doc.path("spec").path("template").path("spec");
                if (pod.isMissingNode()) {
                    continue;
                }
                String workload = dir + " " + doc.path("kind").asText();
                assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(workload + " runAsNonRoot").isTrue();
                Set<String> emptyDirs = new TreeSet<>();
                pod.path("volumes").forEach(v -> {
                    if (v.has("emptyDir")) {
                        emptyDirs.add(v.path("name").asText());
                    }
                });
                List<JsonNode> containers = new ArrayList<>();
                pod.path("initContainers").forEach(containers::add);
                pod.path("containers").forEach(containers::add);
                for (JsonNode c : containers) {
                    String name = workload + " " + c.path("name").asText();
                    assertThat(c.path("resources").path("requests").path("memory").asText()).as(name + " memory request").isNotEmpty();
                    assertThat(c.path("resources").path("limits").path("memory").asText()).as(name + " memory limit").isNotEmpty();
                    assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                    assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                    List<String> writable = new ArrayList<>();
                    c.path("volumeMounts").forEach(m -> {
                        if (emptyDirs.contains(m.path("name").asText())) {
                            writable.add(m.path("mountPath").asText());
                        }
                    });
                    assertThat(writable).as(name + ": Quarkus needs a writable /tmp").contains("/tmp");
                }
            }
        }
    }

    @Test
    void noSecretIsRenderedAndTheExampleSecretIsMarkedAsOne() {
        for (String dir : DeploymentFiles.KUSTOMIZATIONS) {
            assertThat(DeploymentFiles.kustomize(dir)).as(dir).noneMatch(d -> "Secret".equals(d.path("kind").asText()));
        }
        assertThat(DeploymentFiles.read(DeploymentFiles.SECRET_EXAMPLE)).contains("EXAMPLE ONLY");
    }

    /** Issue 12, item 9: the production-shaped flow never runs on a checkout's defaults. */
    @Test
    void theMigrateServiceRequiresItsSecretsDefaultsToProductionAndPublishesNoDatabasePort() {
        Map<String, String> secrets = DeploymentFiles.REQUIRED.get(DeploymentFiles.COMPOSE_MIGRATE_SERVICE);
        assertThat(secrets).containsOnlyKeys("DB_PASSWORD", "ADMIN_PASSWORD", "VIEWER_PASSWORD");
        for (String secret : secrets.keySet()) {
            Map<String, String> others = new HashMap<>(secrets);
            others.remove(secret);
            assertThatThrownBy(() -> DeploymentFiles.composeConfig(DeploymentFiles.COMPOSE_MIGRATE_SERVICE, others))
                    .as("rendered without " + secret).hasMessageContaining("set " + secret);
        }
        JsonNode services = DeploymentFiles.compose(DeploymentFiles.COMPOSE_MIGRATE_SERVICE).path("services");
        for (ContainerSpec spec : ContainerSpec.ofCompose(DeploymentFiles.COMPOSE_MIGRATE_SERVICE,
                DeploymentFiles.compose(DeploymentFiles.COMPOSE_MIGRATE_SERVICE))) {
            assertThat(spec.env()).as(spec.origin()).containsEntry("APP_ENV", "production");
        }
        assertThat(services.path("app").path("environment").path("ADMIN_PASSWORD").asText()).isEqualTo(secrets.get("ADMIN_PASSWORD"));
        assertThat(services.path("postgres").path("ports")).as("PostgreSQL's port, which a local server may hold").isEmpty();
    }

    /** Issue 12, item 9: Kubernetes waits for the whole shutdown before SIGKILL, and pulls one fixed image. */
    @Test
    void podsGetTwiceTheShutdownTimeoutAndRunAnImageAClusterCanPullReproducibly() {
        for (String dir : DeploymentFiles.KUSTOMIZATIONS) {
            List<JsonNode> docs = DeploymentFiles.kustomize(dir);
            JsonNode pod = single(docs, "Deployment").path("spec").path("template").path("spec");
            Duration shutdown = AppConfigSurface.shutdownTimeout(ContainerSpec.named(ContainerSpec.ofKubernetes(dir, docs), "app").env());
            assertThat(pod.path("terminationGracePeriodSeconds").asLong(30))
                    .as(dir + ": requests, then a migration, each SHUTDOWN_TIMEOUT, then 10 s to roll back")
                    .isGreaterThanOrEqualTo(2 * shutdown.toSeconds() + 10);
            for (JsonNode doc : docs) {
                List<JsonNode> containers = new ArrayList<>();
                doc.path("spec").path("template").path("spec").path("initContainers").forEach(containers::add);
                doc.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
                for (JsonNode container : containers) {
                    String image = container.path("image").asText();
                    assertThat(image).as(dir + " " + container.path("name").asText() + ": a registry's image")
                            .matches("[a-z0-9.-]+(\\.[a-z]+|:[0-9]+)/.+");
                    assertThat(image).as(dir + ": a tag that never moves, or a digest")
                            .matches(".+(@sha256:[0-9a-f]{64}|:[0-9][\\w.]*)").doesNotEndWith("SNAPSHOT").doesNotEndWith(":latest");
                }
            }
        }
    }

    @Test
    void composeFilesWorkWithNothingSetAndEveryValueIsFilled() {
        for (String file : DeploymentFiles.COMPOSE_FILES) {
            for (ContainerSpec spec : ContainerSpec.ofCompose(file, DeploymentFiles.compose(file))) {
                spec.env().forEach((name, value) -> assertThat(value).as(spec.origin() + " " + name).isNotBlank());
            }
        }
    }

    @Test
    void aDotEnvOverridesTheDefaults() {
        Map<String, String> dotEnv = Map.of("DB_PASSWORD", "from-dot-env", "APP_PORT", "18080", "LOG_LEVEL", "DEBUG");
        for (String file : DeploymentFiles.COMPOSE_FILES) {
            JsonNode rendered = DeploymentFiles.compose(file, dotEnv);
            assertThat(rendered.path("services").path("postgres").path("environment").path("POSTGRES_PASSWORD").asText())
                    .isEqualTo("from-dot-env");
            ContainerSpec app = ContainerSpec.named(ContainerSpec.ofCompose(file, rendered), "app");
            assertThat(app.env()).as(file).containsEntry("DB_PASSWORD", "from-dot-env").containsEntry("LOG_LEVEL", "DEBUG");
            assertThat(rendered.path("services").path("app").path("ports").get(0).path("published").asText()).isEqualTo("18080");
        }
    }

    @Test
    void theMigrateServiceRunsFirstAndTheAppDoesNotMigrate() {
        JsonNode services = DeploymentFiles.compose(DeploymentFiles.COMPOSE_MIGRATE_SERVICE).path("services");
        assertThat(strings(services.path("migrate").path("command"))).containsExactly("db", "upgrade");
        assertThat(services.path("migrate").path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.path("app").path("depends_on").path("migrate").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services.path("app").path("environment").path("MIGRATE_AT_START").asText()).isEqualTo("false");
        assertThat(services.path("migrate").path("image")).isEqualTo(services.path("app").path("image"));

        JsonNode autoMigrate = DeploymentFiles.compose(DeploymentFiles.COMPOSE).path("services");
        assertThat(autoMigrate.path("app").path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(autoMigrate.path("app").path("environment").path("MIGRATE_AT_START").asText()).isEqualTo("true");
    }

    @Test
    void envExampleListsExactlyTheVariablesTheComposeFilesUse() {
        Set<String> used = new TreeSet<>();
        for (String file : DeploymentFiles.COMPOSE_FILES) {
            Matcher m = COMPOSE_VARIABLE.matcher(DeploymentFiles.read(DeploymentFiles.ROOT.resolve(file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Set<String> listed = new TreeSet<>();
        DeploymentFiles.read(DeploymentFiles.ENV_EXAMPLE).lines().filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*"))
                .forEach(l -> listed.add(l.substring(0, l.indexOf('='))));
        assertThat(listed).isEqualTo(used);
    }

    @Test
    void theImageRunsTheEntrypointAndShipsEveryScriptTheFilesCall() {
        assertThat(DeploymentFiles.dockerfileExecForm("ENTRYPOINT")).containsExactly("docker-entrypoint.sh");
        Set<String> called = new TreeSet<>(Set.of("docker-entrypoint.sh", "example-service"));
        for (ContainerSpec spec : deployed) {
            if (!spec.healthcheck().isEmpty()) {
                assertThat(spec.healthcheck().get(0)).as(spec.origin() + ": health check without a shell").isEqualTo("CMD");
                called.add(spec.healthcheck().get(1));
            }
        }
        List<String> copies = DeploymentFiles.dockerfileInstructions("COPY");
        for (String script : called) {
            assertThat(copies).as("the Dockerfile copies " + script + " onto the image's PATH")
                    .anyMatch(copy -> copy.contains("src/main/docker/" + script + " ") && copy.endsWith(" /usr/local/bin/"));
        }
        called.remove("example-service"); // the launcher comes with the db command (issue 3)
        called.forEach(script -> assertThat(DeploymentFiles.DOCKER_DIR.resolve(script)).isExecutable());
    }

    @Test
    void everyShellScriptPassesShellcheck() throws Exception {
        DeploymentFiles.requireTool("shellcheck");
        List<String> command = new ArrayList<>(List.of("shellcheck"));
        shellScripts().forEach(script -> command.add(script.toString()));
        assertThat(command).as("scripts found").contains(DeploymentFiles.DOCKER_DIR.resolve("docker-entrypoint.sh").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** Files with a shell shebang, outside build output and version control. */
    private static List<Path> shellScripts() {
        try (Stream<Path> files = Files.walk(DeploymentFiles.ROOT)) {
            return files.filter(f -> !f.startsWith(DeploymentFiles.ROOT.resolve("target")) && !f.startsWith(DeploymentFiles.ROOT.resolve(".git")))
                    .filter(Files::isRegularFile).filter(DeploymentFilesTest::hasShellShebang).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasShellShebang(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            return first != null && first.matches("#!\\s*/\\S*(/env\\s+)?(ba|da)?sh\\b.*");
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode single(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<Map.Entry<String, JsonNode>> required = new ArrayList<>();
        selector.fields().forEachRemaining(required::add);
        return !required.isEmpty() && required.stream().allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText()));
    }
}

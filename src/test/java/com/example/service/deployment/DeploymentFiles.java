package com.example.service.deployment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's deployment files as the tools that deploy them see them: compose files after
 * {@code docker-compose config}, kustomizations after {@code kubectl kustomize}, the Dockerfile's
 * instructions. Renders run with an empty environment, so what a test reads is what a clean
 * checkout deploys.
 */
final class DeploymentFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKER_DIR = ROOT.resolve("src/main/docker");
    static final Path DOCKERFILE = DOCKER_DIR.resolve("Dockerfile.jvm");
    static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    static final Path SECRET_EXAMPLE = ROOT.resolve("k8s/base/secret.example.yaml");
    static final String COMPOSE = "docker-compose.yml";
    static final String COMPOSE_MIGRATE_SERVICE = "docker-compose.migrate-service.yml";
    static final String K8S_BASE = "k8s/base";
    static final String K8S_MIGRATION_JOB = "k8s/overlays/migration-job";
    static final String K8S_CONTRACT_JOB = "k8s/overlays/contract-job";
    static final List<String> COMPOSE_FILES = List.of(COMPOSE, COMPOSE_MIGRATE_SERVICE);
    static final List<String> KUSTOMIZATIONS = List.of(K8S_BASE, K8S_MIGRATION_JOB, K8S_CONTRACT_JOB);

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentFiles() {
    }

    /**
     * The secrets a compose file requires ({@code ${VAR:?…}}), with test values: the production-shaped
     * flow has no default for them.
     */
    static final Map<String, Map<String, String>> REQUIRED = Map.of(COMPOSE_MIGRATE_SERVICE, Map.of(
            "DB_PASSWORD", "test-db-secret", "ADMIN_PASSWORD", "test-admin-secret", "VIEWER_PASSWORD", "test-viewer-secret"));

    /**
     * {@code docker-compose config} of {@code file} with {@code dotEnv} as its .env, over the values
     * {@link #REQUIRED} has for it (nothing more: the defaults).
     */
    static JsonNode compose(String file, Map<String, String> dotEnv) {
        Map<String, String> env = new TreeMap<>(REQUIRED.getOrDefault(file, Map.of()));
        env.putAll(dotEnv);
        try {
            return YAML.readTree(composeConfig(file, env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode compose(String file) {
        return compose(file, Map.of());
    }

    /** {@code docker-compose config} of {@code file} with exactly {@code dotEnv} as its .env: its output, or its failure. */
    static String composeConfig(String file, Map<String, String> dotEnv) {
        Path envFile = null;
        try {
            envFile = Files.createTempFile("compose-", ".env");
            Files.write(envFile, dotEnv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            return run("docker-compose", "--env-file", envFile.toString(), "-f", file, "config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(envFile);
        }
    }

    /** The documents {@code kubectl kustomize dir} renders. */
    static List<JsonNode> kustomize(String dir) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(run("kubectl", "kustomize", dir))) {
            return docs.readAll().stream().filter(doc -> !doc.isNull() && !doc.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of a Dockerfile instruction in exec form ({@code ENTRYPOINT ["a", "b"]}). */
    static List<String> dockerfileExecForm(String instruction) {
        String line = dockerfileInstructions(instruction).stream().findFirst()
                .orElseThrow(() -> new AssertionError(DOCKERFILE + " has no " + instruction));
        try {
            return List.of(JSON.readValue(line, String[].class));
        } catch (IOException e) {
            throw new AssertionError(instruction + " of " + DOCKERFILE + " is not in exec form: " + line, e);
        }
    }

    /** The argument text of each {@code instruction} line of the Dockerfile, in order. */
    static List<String> dockerfileInstructions(String instruction) {
        String prefix = instruction + " ";
        return read(DOCKERFILE).lines().map(String::strip).filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).toList();
    }

    /** The variables the image sets ({@code ENV NAME="value"}, one per instruction). */
    static Map<String, String> dockerfileEnv() {
        return dockerfileInstructions("ENV").stream().map(arg -> arg.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1].replaceAll("^\"|\"$", "")));
    }

    /** Skips the calling test when {@code program} is missing, unless REQUIRE_DEPLOYMENT_TOOLS=true (.ci/run) demands it. */
    static void requireTool(String program) {
        boolean present = onPath(program);
        if (!present && Boolean.parseBoolean(System.getenv("REQUIRE_DEPLOYMENT_TOOLS"))) {
            throw new AssertionError(program + " is not on PATH, and REQUIRE_DEPLOYMENT_TOOLS=true");
        }
        assumeTrue(present, program + " is not on PATH (.ci/run installs it): not checked");
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Runs a rendering tool in the repository root with nothing in its environment but PATH and HOME. */
    private static String run(String... command) {
        requireTool(command[0]);
        Path stderr = null;
        try {
            stderr = Files.createTempFile("render-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            String path = env.get("PATH");
            String home = env.get("HOME");
            env.clear();
            env.put("PATH", path);
            env.put("HOME", home == null ? System.getProperty("java.io.tmpdir") : home);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }

    /** Every element of a YAML sequence as text; empty for a missing node. */
    static List<String> strings(JsonNode sequence) {
        List<String> values = new ArrayList<>();
        sequence.forEach(item -> values.add(item.asText()));
        return values;
    }
}

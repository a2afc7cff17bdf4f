package com.example.service.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The packaged jar run as a separate process, the way operators run it: configuration through
 * environment variables only, output captured to a file the test can read.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
    /** The launcher the image puts on the PATH: its JVM options for commands are the ones users get. */
    private static final Path LAUNCHER = Path.of("src/main/docker/example-service").toAbsolutePath();
    /** The JIT option of every JVM these tests start (see {@link #builder}). */
    private static final String C1_ALONE = "-XX:TieredStopAtLevel=1";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path output;
    private final int port;

    private ServiceProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Environment pointing DB_* at {@code database} on the test server, on a free HTTP port. */
    public static Map<String, String> environment(String database) {
        PostgresServer server = PostgresServer.get();
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", server.host());
        env.put("DB_PORT", String.valueOf(server.port()));
        env.put("DB_NAME", database);
        env.put("DB_USER", server.user());
        if (server.password() != null) {
            env.put("DB_PASSWORD", server.password());
        }
        env.put("PORT", String.valueOf(freePort()));
        return env;
    }

    /** Like {@link #environment(String)}, but the service reaches the database through {@code proxy}. */
    public static Map<String, String> environment(String database, TcpProxy proxy) {
        Map<String, String> env = environment(database);
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(proxy.port()));
        return env;
    }

    /** Starts {@code example-service args…} (the launcher) with exactly this environment (plus PATH, HOME). */
    public static ServiceProcess start(Map<String, String> env, String... args) {
        return startCommand(env, launcherCommand(args));
    }

    /**
     * Starts {@code command}, a script that ends up running the jar (the container entry point), with
     * the environment of {@link #start}.
     */
    public static ServiceProcess startCommand(Map<String, String> env, List<String> command) {
        try {
            Path output = Files.createTempFile("example-service-", ".log");
            ProcessBuilder builder = builder(env, command).redirectErrorStream(true).redirectOutput(output.toFile());
            return new ServiceProcess(builder.start(), output, Integer.parseInt(env.getOrDefault("PORT", "8080")));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command, e);
        }
    }

    /** Runs {@code example-service args…} (the launcher) to completion, stdout and stderr apart. */
    public static CommandResult run(Map<String, String> env, String... args) {
        return run(null, env, launcherCommand(args));
    }

    /**
     * Runs {@code command} in {@code workDir} (null: this one) to completion, with the environment of
     * {@link #start}, and {@code java} of this JVM first on the PATH.
     */
    public static CommandResult run(Path workDir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder builder = builder(env, command);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(command + " still running after " + COMMAND_TIMEOUT + "; stderr:\n" + stderr.join());
            }
            return new CommandResult(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drains a stream on a thread of its own, so that neither pipe of the child ever fills up and blocks it. */
    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task, "command-output").start());
    }

    /** {@code example-service args…}: the launcher script, running the packaged jar. */
    public static List<String> launcherCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * {@code java -jar quarkus-run.jar args…}, for the tests of what a bare {@code java -jar} does,
     * with the C1 compiler alone, as every other process here ({@link #builder}): a bare {@code java}
     * reads no JAVA_OPTS, and which compiler runs changes nothing a test looks at.
     */
    public static List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBin(), C1_ALONE, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static ProcessBuilder builder(Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DB_"));
        // A run without DB_HOST uses the tests' embedded server, never the data of the user running them.
        builder.environment().put("DB_EMBEDDED_DIR", PostgresServer.EMBEDDED_DIR.toAbsolutePath().toString());
        builder.environment().put("PATH", Path.of(javaBin()).getParent() + ":" + System.getenv("PATH"));
        builder.environment().put("EXAMPLE_SERVICE_JAR", JAR.toAbsolutePath().toString());
        // A served process here lives seconds, not hours: C2 would spend a core compiling code it never
        // gets to run (bench/command.sh measures the same for db commands, which the launcher already
        // runs with C1 alone). A test that sets JAVA_OPTS replaces this.
        builder.environment().put("JAVA_OPTS", C1_ALONE);
        builder.environment().putAll(env);
        return builder;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The packaged jar these processes run. */
    public static Path jar() {
        return JAR.toAbsolutePath();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** GET on this instance; null when nothing answers. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** {@code method path} with HTTP Basic credentials and no body; null when nothing answers. */
    public HttpResponse<String> send(String method, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** POST of a JSON body on this instance; null when nothing answers. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status(String path) {
        HttpResponse<String> response = get(path);
        return response == null ? -1 : response.statusCode();
    }

    /**
     * The {@code data} of the first check of a health answer ({@code /q/health/ready},
     * {@code /q/health/started}); a missing node when nothing answers.
     */
    public JsonNode healthData(String path) {
        HttpResponse<String> response = get(path);
        if (response == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(response.body()).path("checks").path(0).path("data");
        } catch (JsonProcessingException e) {
            throw new AssertionError(path + " did not answer JSON: " + response.body(), e);
        }
    }

    /** Waits until {@code path} answers {@code status}; fails with the log when it does not in time. */
    public void awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("process exited with " + process.exitValue() + " before " + path + " answered "
                        + status + "; output:\n" + output());
            }
            if (status(path) == status) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; output:\n" + output());
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("process still running after " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating system's view of the started process (which program it runs now). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends SIGTERM, as {@code docker stop} and Kubernetes do. */
    public void terminate() {
        process.destroy();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}

package com.example.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.testing.CommandResult;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * The packaged jar with no database configured, as a new user runs it: on the embedded PostgreSQL,
 * beside its {@code db} commands, across SIGTERM, {@code kill -9} and restarts, and never in
 * production. The quick start runs in a network namespace where 127.0.0.1:5432 answers nothing
 * (a machine without PostgreSQL) wherever {@code ip netns} is permitted, else on this host.
 */
class EmbeddedDatabaseIT {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Path IP = Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(Path.of("ip"));

    /** The namespace of this class's runs, null where none could be made. */
    private static String namespace;
    private static String noNamespaceReason;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeANetworkNamespace() {
        String name = "es-test-" + UUID.randomUUID().toString().substring(0, 8);
        CommandResult add = ServiceProcess.run(null, Map.of(), List.of(IP.toString(), "netns", "add", name));
        if (add.exitCode() != 0) {
            noNamespaceReason = "'ip netns add' is not permitted here: " + add.stderr().strip();
            return;
        }
        namespace = name;
        CommandResult up = ServiceProcess.run(null, Map.of(), List.of(IP.toString(), "netns", "exec", name, IP.toString(), "link",
                "set", "lo", "up"));
        assertThat(up.exitCode()).as(up.toString()).isZero();
    }

    @AfterAll
    static void removeTheNetworkNamespace() {
        if (namespace != null) {
            ServiceProcess.run(null, Map.of(), List.of(IP.toString(), "netns", "del", namespace));
        }
    }

    @Test
    void theQuickStartWorksOnAMachineWithoutPostgres() throws IOException {
        assumeTrue(namespace != null, () -> noNamespaceReason + "; quickStartOnThisHost covers the same on the host");
        Machine machine = new Machine(namespace);
        assertThat(machine.run(List.of("curl", "-s", "-m", "2", "http://127.0.0.1:5432/")).exitCode())
                .as("nothing answers on 127.0.0.1:5432 in the namespace (curl: could not connect)").isEqualTo(7);
        quickStart(machine);
    }

    @Test
    void quickStartOnThisHost() throws IOException {
        assumeTrue(namespace == null, "ran in a network namespace (theQuickStartWorksOnAMachineWithoutPostgres)");
        quickStart(new Machine(null));
    }

    /** The README's quick start, then SIGTERM and a restart. */
    private void quickStart(Machine machine) throws IOException {
        Map<String, String> env = emptyEnvironment();
        long postmaster;
        try (ServiceProcess service = machine.start(env)) {
            machine.awaitReady(service);
            assertThat(service.output()).contains("Database: the embedded PostgreSQL " + EmbeddedServer.POSTGRES_MAJOR,
                    "started by this process", "data in " + dir, "set DB_HOST");
            assertThat(machine.http(env, "POST", "/api/items", "{\"name\":\"first\"}")).startsWith("201 ");
            assertThat(machine.http(env, "GET", "/api/items", null)).startsWith("200 ").contains("\"name\":\"first\"");

            CommandResult check = machine.run(env, "db", "check");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.stderr()).as("the command uses the service's server").contains("already running");

            String password = Files.readString(dir.resolve("admin-password")).strip();
            assertThat(machine.http(env, "GET", "/admin/db/status", null, "admin", password)).startsWith("200 ")
                    .contains("\"state\":\"UP_TO_DATE\"");
            assertThat(machine.http(env, "GET", "/admin/db/status", null, "admin", "guess")).startsWith("401 ");
            assertThat(service.output()).contains("development account 'admin'", dir.resolve("admin-password").toString())
                    .doesNotContain(password);

            postmaster = PostmasterPid.read(dir.resolve("pgdata")).orElseThrow().pid();
            service.terminate();
            assertThat(service.awaitExit(Duration.ofMinutes(1))).isEqualTo(143);
        }
        assertNoServerLeft(postmaster);

        try (ServiceProcess restarted = machine.start(env)) {
            machine.awaitReady(restarted);
            assertThat(machine.http(env, "GET", "/api/items", null)).contains("\"name\":\"first\"");
            postmaster = PostmasterPid.read(dir.resolve("pgdata")).orElseThrow().pid();
        }
        assertNoServerLeft(postmaster);
    }

    @Test
    void aServerLeftByKill9IsStoppedAndStartedAnewAtTheNextStart() throws IOException {
        Machine host = new Machine(null);
        Map<String, String> env = emptyEnvironment();
        long orphan;
        try (ServiceProcess killed = host.start(env)) {
            host.awaitReady(killed);
            assertThat(host.http(env, "POST", "/api/items", "{\"name\":\"kept\"}")).startsWith("201 ");
            orphan = PostmasterPid.read(dir.resolve("pgdata")).orElseThrow().pid();
            killed.handle().destroyForcibly();
            killed.awaitExit(Duration.ofSeconds(30));
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("kill -9 leaves the server running").isPresent();

        long restartedServer;
        try (ServiceProcess service = host.start(env)) {
            host.awaitReady(service);
            assertThat(service.output()).contains("(pid " + orphan + ") was left running by a process that was killed");
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(host.http(env, "GET", "/api/items", null)).contains("\"name\":\"kept\"");
            restartedServer = PostmasterPid.read(dir.resolve("pgdata")).orElseThrow().pid();
            assertThat(restartedServer).isNotEqualTo(orphan);
        }
        assertNoServerLeft(restartedServer);
    }

    @Test
    void aDbCommandWithNoServerRunningStartsOneForItsRunAndStopsIt() {
        Machine host = new Machine(null);
        Map<String, String> env = emptyEnvironment();
        CommandResult pending = host.run(env, "db", "check");
        assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(3);
        assertThat(pending.stderr()).contains("started by this process");
        assertNoServerLeft(-1);

        CommandResult upgrade = host.run(env, "db", "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        CommandResult current = host.run(env, "db", "check");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertNoServerLeft(-1);
        assertThat(dir.resolve("admin-password")).as("commands need no admin account").doesNotExist();
    }

    @Test
    void productionWithoutDbHostExits2NamingIt() {
        Machine host = new Machine(null);
        Map<String, String> env = emptyEnvironment();
        env.put("APP_ENV", "production");
        for (List<String> args : List.of(List.<String>of(), List.of("db", "check"), List.of("db", "upgrade"),
                List.of("db", "migrate", "-m", "x", "--dir", dir.resolve("migrations").toString()))) {
            CommandResult result = host.run(env, args.toArray(String[]::new));
            assertThat(result.exitCode()).as(args + ": " + result).isEqualTo(2);
            assertThat(result.stderr().lines()).as(args + ": one line").hasSize(1).first().asString()
                    .startsWith("example-service: APP_ENV=production needs DB_HOST");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no embedded server, no migration file").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aServiceOnAConfiguredDatabaseHasNoDevelopmentAccount() {
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("DB_EMBEDDED_DIR", dir.toString());
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, READY);
                assertThat(service.status("/admin/db/status")).isEqualTo(401);
                assertThat(service.output()).doesNotContain("embedded PostgreSQL").doesNotContain("development account")
                        .contains("every /admin request is refused with 401");
            }
            assertThat(dir).isEmptyDirectory();
        }
    }

    /** What a new user's shell has: nothing but the HTTP port (a free one) and, here, a data directory of the test's own. */
    private Map<String, String> emptyEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(ServiceProcess.freePort()));
        env.put("DB_EMBEDDED_DIR", dir.toString());
        return env;
    }

    /** The postmaster is gone, and so is every process working on this data directory. */
    private void assertNoServerLeft(long postmaster) {
        if (postmaster > 0) {
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("postmaster " + postmaster).isEmpty();
        }
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertThat(left).as("processes on " + dir).isEmpty();
        assertThat(dir.resolve("pgdata/postmaster.pid")).doesNotExist();
    }

    /** Runs processes in the network namespace, or on this host when {@code namespace} is null. */
    private record Machine(String namespace) {

        List<String> in(List<String> command) {
            if (namespace == null) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of(IP.toString(), "netns", "exec", namespace));
            wrapped.addAll(command);
            return wrapped;
        }

        ServiceProcess start(Map<String, String> env) {
            return ServiceProcess.startCommand(env, in(ServiceProcess.jarCommand()));
        }

        CommandResult run(Map<String, String> env, String... args) {
            return ServiceProcess.run(null, env, in(ServiceProcess.jarCommand(args)));
        }

        CommandResult run(List<String> command) {
            return ServiceProcess.run(null, Map.of(), in(command));
        }

        /** "status body" of a request to the service on this machine. */
        String http(Map<String, String> env, String method, String path, String json, String... credentials) {
            List<String> curl = new ArrayList<>(List.of("curl", "-s", "-m", "10", "-o", "-", "-w", "\n%{http_code}", "-X", method));
            if (json != null) {
                curl.addAll(List.of("-H", "Content-Type: application/json", "-d", json));
            }
            if (credentials.length == 2) {
                curl.addAll(List.of("-u", credentials[0] + ":" + credentials[1]));
            }
            curl.add("http://127.0.0.1:" + env.get("PORT") + path);
            CommandResult result = run(curl);
            String out = result.stdout();
            int lastLine = out.lastIndexOf('\n');
            return out.substring(lastLine + 1) + " " + out.substring(0, Math.max(lastLine, 0));
        }

        void awaitReady(ServiceProcess service) {
            long deadline = System.nanoTime() + READY.toNanos();
            Map<String, String> env = Map.of("PORT", String.valueOf(service.port()));
            while (!http(env, "GET", "/q/health/ready", null).startsWith("200 ")) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("not ready within " + READY + " (alive: " + service.isAlive() + "); output:\n"
                            + service.output());
                }
                ServiceProcess.sleep(250);
            }
        }
    }
}

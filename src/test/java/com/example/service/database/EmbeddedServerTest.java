package com.example.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.example.service.database.EmbeddedServer.Durability;

/**
 * The embedded server in this JVM: one server per directory, its lifecycle, and the directories it
 * refuses. Processes sharing one directory are {@code EmbeddedDatabaseIT}'s part.
 */
@Execution(ExecutionMode.CONCURRENT) // Beside the Quarkus tests (pom.xml); the lock keeps its own methods in order, on one shared directory.
@ResourceLock("embedded-server-directory")
class EmbeddedServerTest {

    /** One data directory for the tests that start a server, so that only the first pays for initdb. */
    private static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void sharedDirectory() throws IOException {
        shared = Files.createTempDirectory("embedded-server-test-");
    }

    @AfterAll
    static void removeSharedDirectory() throws IOException {
        delete(shared);
    }

    @Test
    void aSecondOpenUsesTheRunningServerAndOnlyTheStarterStopsIt() throws SQLException {
        try (EmbeddedServer first = EmbeddedServer.open(shared, Durability.FAST)) {
            assertThat(first.startedHere()).isTrue();
            assertThat(first.host()).isEqualTo("127.0.0.1");
            EmbeddedServer second = EmbeddedServer.open(shared, Durability.FAST);
            assertThat(second.startedHere()).isFalse();
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(second.pid()).isEqualTo(first.pid());

            second.close();
            assertThat(ProcessHandle.of(first.pid())).as("closing the attached one stops nothing").hasValueSatisfying(
                    p -> assertThat(p.isAlive()).isTrue());
            assertThat(query(second, "postgres", "SELECT 1")).isEqualTo("1");

            first.close();
            assertThat(ProcessHandle.of(first.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(shared.resolve("pgdata/postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void theDataOutlivesTheServer() throws SQLException {
        try (EmbeddedServer server = EmbeddedServer.open(shared, Durability.FAST)) {
            server.ensureDatabase("kept_db");
            server.ensureDatabase("kept_db");
            execute(server, "kept_db", "CREATE TABLE IF NOT EXISTS kept (v text); INSERT INTO kept VALUES ('before')");
        }
        try (EmbeddedServer restarted = EmbeddedServer.open(shared, Durability.FAST)) {
            assertThat(restarted.startedHere()).isTrue();
            assertThat(query(restarted, "kept_db", "SELECT max(v) FROM kept")).isEqualTo("before");
        }
    }

    @Test
    void runsTheBundledMajorVersionDurablyOrFast() throws SQLException {
        try (EmbeddedServer server = EmbeddedServer.open(shared, Durability.DURABLE)) {
            assertThat(Integer.parseInt(query(server, "postgres", "SHOW server_version_num")) / 10000)
                    .isEqualTo(EmbeddedServer.POSTGRES_MAJOR);
            assertThat(query(server, "postgres", "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "postgres", "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "postgres", "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        }
        try (EmbeddedServer server = EmbeddedServer.open(shared, Durability.FAST)) {
            assertThat(query(server, "postgres", "SHOW fsync")).isEqualTo("off");
        }
    }

    @Test
    void aPidFileLeftByARebootIsIgnored() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.open(shared, Durability.FAST)) {
            assertThat(server.startedHere()).isTrue();
        }
        // This JVM's pid: a live process, but no postmaster, as after a reboot that reused the id.
        Files.writeString(shared.resolve("pgdata/postmaster.pid"), ProcessHandle.current().pid() + "\n" + shared
                + "/pgdata\n1700000000\n5432\n\n127.0.0.1\n  1  2\nready   \n");
        try (EmbeddedServer server = EmbeddedServer.open(shared, Durability.FAST)) {
            assertThat(server.startedHere()).isTrue();
            assertThat(server.pid()).isNotEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void createsItsDirectoryForItsOwnerOnly() throws IOException {
        Path dir = temp.resolve("a/b/embedded");
        try (EmbeddedServer server = EmbeddedServer.open(dir, Durability.FAST)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pgdata")))).isEqualTo("rwx------");
            assertThat(dir.resolve("postgres.log")).isNotEmptyFile();
        }
    }

    @Test
    void refusesADataDirectoryOpenToOthers() throws IOException {
        Path data = dataDirectory("rwxrwxrwx", "PG_VERSION", EmbeddedServer.POSTGRES_MAJOR + "\n");
        assertThatThrownBy(() -> EmbeddedServer.open(temp, Durability.FAST)).isInstanceOf(EmbeddedServerException.class)
                .hasMessage(data + " is open to other users (rwxrwxrwx), which PostgreSQL refuses; run: chmod 700 " + data);
    }

    @Test
    void refusesADataDirectoryOfAnotherMajorVersion() throws IOException {
        dataDirectory("rwx------", "PG_VERSION", "17\n");
        assertThatThrownBy(() -> EmbeddedServer.open(temp, Durability.FAST)).isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("holds a PostgreSQL 17 database, and this build runs PostgreSQL " + EmbeddedServer.POSTGRES_MAJOR)
                .hasMessageContaining("DB_EMBEDDED_DIR");
    }

    @Test
    void refusesADirectoryThatIsNotADataDirectory() throws IOException {
        Path data = dataDirectory("rwx------", "notes.txt", "mine\n");
        assertThatThrownBy(() -> EmbeddedServer.open(temp, Durability.FAST)).isInstanceOf(EmbeddedServerException.class)
                .hasMessage(data + " is not a PostgreSQL data directory (it has no PG_VERSION); point DB_EMBEDDED_DIR at another directory");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void refusesAFileAndAnotherUsersDirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "");
        assertThatThrownBy(() -> EmbeddedServer.open(file, Durability.FAST)).isInstanceOf(EmbeddedServerException.class)
                .hasMessage(file + " is not a directory; point DB_EMBEDDED_DIR at a directory for the embedded PostgreSQL");

        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory away");
        Path theirs = Files.createDirectory(temp.resolve("theirs"));
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        assertThatThrownBy(() -> EmbeddedServer.open(theirs, Durability.FAST)).isInstanceOf(EmbeddedServerException.class)
                .hasMessage(theirs + " belongs to nobody, not to root who runs this process; use a directory of your own (DB_EMBEDDED_DIR)");
    }

    /** {@code temp/pgdata} with these permissions, holding one file. */
    private Path dataDirectory(String permissions, String file, String content) throws IOException {
        Path data = Files.createDirectories(temp.resolve("pgdata"));
        Files.writeString(data.resolve(file), content);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(permissions));
        return data;
    }

    private static String query(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

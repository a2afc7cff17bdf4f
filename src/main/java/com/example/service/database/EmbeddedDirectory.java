package com.example.service.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory of an {@link EmbeddedServer}: {@value #DATA} (PostgreSQL's data directory),
 * {@value #LOG_FILE} (the output of initdb and of the server its last starter ran) and
 * {@value #START_LOCK}. It is made for its owner only, and checked for what PostgreSQL would refuse
 * later and less clearly: another user's files, a data directory open to others, one of another
 * major version, or one that is no data directory at all.
 */
final class EmbeddedDirectory {

    static final String DATA = "pgdata";
    static final String LOG_FILE = "postgres.log";
    static final String START_LOCK = "server.lock";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    private EmbeddedDirectory(Path path) {
        this.path = path;
    }

    /** {@code directory}, absolute, created when missing. */
    static EmbeddedDirectory prepare(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException e) {
                    // another process made it meanwhile; it is checked like any existing one
                }
            }
            if (!Files.isDirectory(dir)) {
                throw new EmbeddedServerException(dir + " is not a directory; point DB_EMBEDDED_DIR at a directory for the embedded PostgreSQL");
            }
            checkOwner(dir);
        } catch (IOException e) {
            throw new EmbeddedServerException("cannot create " + dir + " for the embedded PostgreSQL: " + e.getMessage(), e);
        }
        return new EmbeddedDirectory(dir);
    }

    Path path() {
        return path;
    }

    Path data() {
        return path.resolve(DATA);
    }

    Path log() {
        return path.resolve(LOG_FILE);
    }

    /**
     * Held while this process looks for the running server or starts one, so that processes starting
     * together agree on one server. Waits at most {@link EmbeddedServer#WAIT} for another holder.
     */
    Closeable lockForStart() throws IOException {
        FileChannel channel = FileChannel.open(path.resolve(START_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + EmbeddedServer.WAIT.toNanos();
        try {
            while (!locked(channel)) {
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedServerException("another process has been starting the embedded PostgreSQL in " + path
                            + " for " + EmbeddedServer.WAIT.toSeconds() + " s; stop it, or use another DB_EMBEDDED_DIR");
                }
                EmbeddedServer.sleep(100);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        // Closing the channel releases its lock.
        return channel;
    }

    private static boolean locked(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            // another thread of this JVM holds it: wait like any other process
            return false;
        }
    }

    /** The data directory, if there is one, is this user's, closed to others, and of the bundled major version. */
    void checkData() throws IOException {
        Path data = data();
        if (!Files.exists(data)) {
            return;
        }
        checkOwner(data);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(data);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("OTHERS_")) || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
            throw new EmbeddedServerException(data + " is open to other users (" + PosixFilePermissions.toString(permissions)
                    + "), which PostgreSQL refuses; run: chmod 700 " + data);
        }
        Path version = data.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.anyMatch(e -> !e.getFileName().toString().equals(EmbeddedServer.OWNER_LOCK))) {
                    throw new EmbeddedServerException(data + " is not a PostgreSQL data directory (it has no PG_VERSION); "
                            + "point DB_EMBEDDED_DIR at another directory");
                }
            }
            return;
        }
        String major = Files.readString(version).trim();
        if (!major.equals(String.valueOf(EmbeddedServer.POSTGRES_MAJOR))) {
            throw new EmbeddedServerException(data + " holds a PostgreSQL " + major + " database, and this build runs PostgreSQL "
                    + EmbeddedServer.POSTGRES_MAJOR + "; dump it with PostgreSQL " + major
                    + "'s pg_dump, or point DB_EMBEDDED_DIR at a new directory");
        }
    }

    /** PostgreSQL runs as the user who owns the data; another user's directory is a mistake, not something to take over. */
    private static void checkOwner(Path path) throws IOException {
        String owner = Files.getOwner(path).getName();
        String self = System.getProperty("user.name");
        if (!owner.equals(self)) {
            throw new EmbeddedServerException(path + " belongs to " + owner + ", not to " + self
                    + " who runs this process; use a directory of your own (DB_EMBEDDED_DIR)");
        }
    }
}

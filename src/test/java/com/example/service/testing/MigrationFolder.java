package com.example.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder of migration scripts, for MIGRATION_LOCATIONS=filesystem:…; closing deletes it. */
public final class MigrationFolder implements AutoCloseable {

    /** The migrations this code ships, as MIGRATION_LOCATIONS names them by default. */
    public static final String SHIPPED = "classpath:db/migration";

    private final Path dir;

    private MigrationFolder(Path dir) {
        this.dir = dir;
    }

    public static MigrationFolder create() {
        try {
            return new MigrationFolder(Files.createTempDirectory("migrations-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code fileName} (e.g. {@code V4__broken.sql}) with {@code sql}. */
    public MigrationFolder with(String fileName, String sql) {
        try {
            Files.writeString(dir.resolve(fileName), sql);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return dir;
    }

    /** The Flyway location of this folder. */
    public String location() {
        return "filesystem:" + dir;
    }

    /** This folder after the shipped migrations, as MIGRATION_LOCATIONS. */
    public String afterShipped() {
        return SHIPPED + "," + location();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

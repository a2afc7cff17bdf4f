package com.example.service.migration.db;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The scripts Flyway's own scanner finds, each read whole into memory at every read. Flyway reads a
 * script on disk through a channel reader that asks the disk again at every read past the end, and
 * its SQL parser reads past the end dozens of times per script: a system call each, about 400 per
 * one-line migration, 1.2 s of a 7.7 s 1000-migration upgrade here (bench/README.md). Read whole, a
 * script costs one open and two reads; its text, and so its checksum, is the same.
 */
final class WholeScripts implements ResourceProvider {

    private final Scanner<JavaMigration> scanner;

    /** Scans {@code configuration}'s locations now: the provider serves what was there then. */
    WholeScripts(Configuration configuration) {
        // Flyway's own scanner (an internal class, stable since Flyway 6): its rules for locations,
        // encodings and names, not a copy of them.
        this.scanner = new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
    }

    /** The scanner, which Flyway also asks for Java migrations; set both, or Flyway scans again. */
    Scanner<JavaMigration> scanner() {
        return scanner;
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource resource = scanner.getResource(name);
        return resource == null ? null : new WholeScript(resource);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scanner.getResources(prefix, suffixes).stream().<LoadableResource>map(WholeScript::new).toList();
    }

    private static final class WholeScript extends LoadableResource {

        private final LoadableResource file;

        WholeScript(LoadableResource file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            // A script Flyway streams (too large to hold) keeps Flyway's own reader.
            if (file.shouldStream()) {
                return file.read();
            }
            StringWriter text = new StringWriter();
            try (Reader reader = file.read()) {
                reader.transferTo(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getAbsolutePath(), e);
            }
            return new StringReader(text.toString());
        }

        @Override
        public boolean shouldStream() {
            return file.shouldStream();
        }

        @Override
        public String getAbsolutePath() {
            return file.getAbsolutePath();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return file.getAbsolutePathOnDisk();
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getRelativePath() {
            return file.getRelativePath();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WholeScript script && file.equals(script.file);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }
    }
}

package com.example.service.migration.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Phase;

/**
 * Creates the next migration script and its undo script in a source tree: a developer's command,
 * so the numbering follows the files in the folder, not the database.
 */
@ApplicationScoped
public class MigrationScaffold {

    /** A versioned script; group 1 is the first part of its version. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");
    private static final int MAX_SLUG = 100;

    /**
     * Writes {@code V<n>__<slug>.sql} in {@code migrationDir} (expand) or {@code contractDir}
     * (contract), and {@code U<n>__<slug>.sql} in {@code undoDir}, n being one above the first part of
     * the highest version in both folders: expand and contract share one version sequence. The undo
     * script holds only comments, which a downgrade counts as no undo script at all, so an unwritten
     * one can never delete the migration's history row while leaving its change.
     *
     * @throws InvalidArgumentException when the description has no letter or digit, or migrationDir is no folder
     */
    public NewMigration create(Path migrationDir, Path contractDir, Path undoDir, String description, Phase phase) {
        String slug = slug(description);
        if (!Files.isDirectory(migrationDir)) {
            throw new InvalidArgumentException("no migration folder " + migrationDir.toAbsolutePath()
                    + ": run this in the project's root or give --dir");
        }
        String version = String.valueOf(Math.max(highestMajor(migrationDir), highestMajor(contractDir)) + 1);
        Path dir = phase == Phase.CONTRACT ? contractDir : migrationDir;
        Path migration = dir.resolve("V" + version + "__" + slug + ".sql");
        Path undo = undoDir.resolve("U" + version + "__" + slug + ".sql");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(undoDir);
            Files.writeString(migration, "-- " + description.strip().replaceAll("\\R", " ") + "\n");
            Files.writeString(undo, undoTemplate(migration.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + migration + " and " + undo, e);
        }
        return new NewMigration(version, migration.toString(), undo.toString());
    }

    private static String undoTemplate(String migration) {
        return "-- Undo of " + migration + ": write the SQL that reverses it here (e.g. DROP what it created).\n"
                + "-- Until this file holds a statement, db downgrade refuses to undo it: a script of comments\n"
                + "-- only counts as missing, so the migration's history row is never deleted without its undo.\n";
    }

    /** Lower-case letters, digits and single underscores, as Flyway's descriptions read back with spaces. */
    static String slug(String description) {
        String slug = description == null ? ""
                : description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new InvalidArgumentException("the description must contain a letter or a digit, e.g. -m \"add item price\"");
        }
        return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("_+$", "") : slug;
    }

    private static long highestMajor(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}

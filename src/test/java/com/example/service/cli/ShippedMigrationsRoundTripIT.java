package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.SchemaCatalog;
import com.example.service.testing.TestDatabase;

/**
 * Every migration the project ships can be undone: applied one by one, undone one by one, each
 * step back landing on exactly the schema the step up had left, and applied again.
 */
class ShippedMigrationsRoundTripIT {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path UNDO = Path.of("src/main/resources/db/undo");
    private static final Pattern SCRIPT = Pattern.compile("[VU](\\d+(?:[._]\\d+)*)__.*\\.sql");

    @Test
    void everyShippedMigrationHasItsUndoScript() throws IOException {
        List<String> versions = versions(MIGRATIONS);
        assertThat(versions).isNotEmpty();
        assertThat(versions(UNDO)).containsExactlyElementsOf(versions);
    }

    @Test
    void upgradeStepByStepDowngradeStepByStepAndUpgradeAgainGiveTheSameSchema() throws IOException {
        List<String> versions = versions(MIGRATIONS);
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            List<List<String>> schemaAt = new ArrayList<>();
            schemaAt.add(SchemaCatalog.of(database));
            for (String version : versions) {
                ok(db.run("upgrade", "--target", version));
                schemaAt.add(SchemaCatalog.of(database));
            }
            assertThat(schemaAt.get(versions.size())).as("the shipped migrations create something").isNotEmpty();

            for (int applied = versions.size(); applied > 0; applied--) {
                ok(db.run("downgrade", "--steps", "1"));
                assertThat(database.appliedVersions()).containsExactlyElementsOf(versions.subList(0, applied - 1));
                assertThat(SchemaCatalog.of(database)).as("schema after undoing V%s", versions.get(applied - 1))
                        .isEqualTo(schemaAt.get(applied - 1));
            }

            ok(db.run("upgrade"));
            assertThat(database.appliedVersions()).containsExactlyElementsOf(versions);
            assertThat(SchemaCatalog.of(database)).isEqualTo(schemaAt.get(versions.size()));
        }
    }

    private static void ok(CommandResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** The versions of the scripts in {@code dir}, in version order. */
    private static List<String> versions(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> SCRIPT.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1).replace('_', '.'))
                    .sorted(Comparator.comparing(ShippedMigrationsRoundTripIT::parts, Arrays::compare))
                    .toList();
        }
    }

    private static long[] parts(String version) {
        return Stream.of(version.split("\\.")).mapToLong(Long::parseLong).toArray();
    }
}

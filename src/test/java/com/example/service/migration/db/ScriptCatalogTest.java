package com.example.service.migration.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versions this code knows, read from the scripts alone, as Flyway orders them. */
class ScriptCatalogTest {

    private static final ClassLoader LOADER = ScriptCatalogTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void versionedScriptsOfEveryLocationInFlywaysOrderSubfoldersIncluded() throws IOException {
        Files.createDirectories(dir.resolve("nested"));
        for (String name : List.of("V1__a.sql", "V1_1__b.sql", "V2__c.sql", "nested/V10__d.sql", "V2__c.sql.conf",
                "R__view.sql", "U3__undo.sql", "README.md", "V9__not_sql.txt")) {
            Files.writeString(dir.resolve(name), "");
        }
        List<String> versions = ScriptCatalog.versions(List.of("filesystem:" + dir, "filesystem:" + dir.resolve("none")), LOADER);
        assertThat(versions).containsExactly("1", "1.1", "2", "10");
        assertThat(ScriptCatalog.latest(List.of("filesystem:" + dir), LOADER)).hasValue("10");
        assertThat(ScriptCatalog.latest(List.of("filesystem:" + dir.resolve("none")), LOADER)).isEmpty();
    }

    @Test
    void classpathLocationsAreListedToo() {
        assertThat(ScriptCatalog.versions(List.of("classpath:db/migration", "classpath:db/contract"), LOADER))
                .containsExactly("1", "2", "3");
    }

    @Test
    void versionsCompareAsFlywayOrdersThemNotAsText() {
        assertThat(ScriptCatalog.isAbove("10", "9")).isTrue();
        assertThat(ScriptCatalog.isAbove("1.10", "1.9")).isTrue();
        assertThat(ScriptCatalog.isAbove("3", "3")).isFalse();
    }
}

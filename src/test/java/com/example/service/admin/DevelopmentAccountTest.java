package com.example.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The admin account of a development run on the embedded database; the service's use of it is EmbeddedDatabaseIT's. */
class DevelopmentAccountTest {

    @TempDir
    Path dir;

    @Test
    void generatesAPasswordOnceInAFileOnlyItsOwnerReads() throws IOException {
        Map<String, String> first = DevelopmentAccount.properties(config(Map.of()), dir);
        Path file = dir.resolve("admin-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).containsEntry("admin.user", "admin").containsEntry("admin.password", Files.readString(file).strip());
        assertThat(first.get("admin.password")).hasSize(24).matches("[A-Za-z0-9_-]+");

        assertThat(DevelopmentAccount.properties(config(Map.of()), dir)).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aConfiguredAccountReplacesIt() {
        assertThat(DevelopmentAccount.properties(config(Map.of("ADMIN_USER", "ops")), dir)).isEmpty();
        assertThat(DevelopmentAccount.properties(config(Map.of("VIEWER_USER", "dashboard")), dir)).isEmpty();
        assertThat(dir.resolve("admin-password")).doesNotExist();
    }

    private static SmallRyeConfig config(Map<String, String> env) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300)).build();
    }
}

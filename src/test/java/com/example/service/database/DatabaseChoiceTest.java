package com.example.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.config.EarlyConfig;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;

/** The rule between DB_HOST and the embedded server, decided before anything starts. */
class DatabaseChoiceTest {

    @TempDir
    Path temp;

    @Test
    void productionWithoutDbHostIsRefusedWithOneLineNamingIt() {
        SmallRyeConfig config = config(Map.of("APP_ENV", "production"));
        for (boolean connects : new boolean[] { true, false }) {
            assertThatThrownBy(() -> DatabaseChoice.choose(config, connects))
                    .isInstanceOf(DatabaseChoice.MissingHostException.class)
                    .hasMessageStartingWith("APP_ENV=production needs DB_HOST: ")
                    .hasMessageNotContaining("\n");
        }
        assertThat(temp.resolve("embedded")).as("nothing started, nothing created").doesNotExist();
    }

    @Test
    void aConfiguredHostIsUsedInEveryEnvironment() {
        for (String env : new String[] { "production", "development" }) {
            assertThat(DatabaseChoice.choose(config(Map.of("APP_ENV", env, "DB_HOST", "db.internal")), true)).isEmpty();
        }
        assertThat(temp.resolve("embedded")).doesNotExist();
    }

    @Test
    void aRunThatNeverConnectsStartsNothing() {
        assertThat(DatabaseChoice.choose(config(Map.of("APP_ENV", "staging")), false)).isEmpty();
        assertThat(temp.resolve("embedded")).doesNotExist();
    }

    private SmallRyeConfig config(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("DB_EMBEDDED_DIR", temp.resolve("embedded").toString());
        // Of the system properties only user.home, which defaults expand: other tests of this JVM run the
        // command line in-process, and that sets db.host.
        return EarlyConfig.builder().withSources(new EnvConfigSource(all, 300),
                new PropertiesConfigSource(Map.of("user.home", System.getProperty("user.home")), "user.home", 400)).build();
    }
}

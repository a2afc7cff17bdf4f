package com.example.service.config;

import java.time.Duration;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The settings the entry point needs before Quarkus starts (which database, which environment),
 * from the same places Quarkus reads them: system properties, the environment, a {@code .env}
 * file in the working directory, and {@code *_PASSWORD_FILE} secrets. Only the mappings read that
 * early are registered, so unknown keys are no error here; Quarkus validates everything later.
 */
public final class EarlyConfig {

    private EarlyConfig() {
    }

    public static SmallRyeConfig read() {
        ConfigSource secrets = new SecretFileConfigSourceProvider().getConfigSources(EarlyConfig.class.getClassLoader())
                .iterator().next();
        return builder()
                .addDefaultSources()
                .withSources(new DotEnvConfigSourceProvider())
                .withSources(secrets)
                .build();
    }

    /** Everything but the sources: how values are read and which mappings are there. */
    public static SmallRyeConfigBuilder builder() {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                // Durations as Quarkus writes them ("60s"), not only ISO-8601.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(DatabaseConfig.class)
                .withValidateUnknown(false);
    }
}

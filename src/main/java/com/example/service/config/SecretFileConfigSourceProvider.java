package com.example.service.config;

import java.util.List;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

import io.smallrye.config.EnvConfigSource;

/**
 * Offers the secrets of {@link SecretFiles} as if they were environment variables, so that
 * {@code DB_PASSWORD_FILE} feeds exactly what {@code DB_PASSWORD} would, wherever it is used.
 */
public class SecretFileConfigSourceProvider implements ConfigSourceProvider {

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return List.of(new EnvConfigSource(SecretFiles.resolve(System.getenv()), EnvConfigSource.ORDINAL) {
            @Override
            public String getName() {
                return "SecretFileConfigSource (*_PASSWORD_FILE)";
            }
        });
    }
}

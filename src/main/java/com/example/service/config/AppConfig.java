package com.example.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-wide settings that do not belong to one capability. */
@ConfigMapping(prefix = "app")
public interface AppConfig {

    /** APP_ENV: production forbids destructive commands unless explicitly overridden. */
    @WithDefault("development")
    Environment env();

    enum Environment {
        DEVELOPMENT, STAGING, PRODUCTION
    }
}

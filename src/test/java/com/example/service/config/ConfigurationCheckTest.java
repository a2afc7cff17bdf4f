package com.example.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 12, item 7: each typed variable of the configuration table is checked as Quarkus would convert it. */
class ConfigurationCheckTest {

    @Test
    void eachMistakeIsOneLineNamingTheVariableTheValueAndWhatIsAllowed() {
        assertThat(ConfigurationCheck.problems(Map.of("APP_ENV", "prod", "DB_PORT", "abc", "DB_WAIT_TIMEOUT", "forever",
                "READINESS_MODE", "lenient", "SCHEMA_STATE_REFRESH", "often", "DB_SSLMODE", "maybe", "PORT", "http",
                "LOG_LEVEL", "verbose"))).containsExactlyInAnyOrder(
                        "APP_ENV=prod is not allowed: one of development, staging, production",
                        "DB_PORT=abc is not allowed: a whole number",
                        "DB_WAIT_TIMEOUT=forever is not allowed: a duration such as 30s, 5m or PT1M",
                        "READINESS_MODE=lenient is not allowed: one of strict, compatible",
                        "SCHEMA_STATE_REFRESH=often is not allowed: a duration such as 30s, 5m or PT1M",
                        "DB_SSLMODE=maybe is not allowed: one of disable, prefer, require, verify-ca, verify-full",
                        "PORT=http is not allowed: a whole number",
                        "LOG_LEVEL=verbose is not allowed: a log level: TRACE, DEBUG, INFO, WARN or ERROR");
    }

    @Test
    void whatQuarkusAcceptsPassesAndTextIsNeverChecked() {
        assertThat(ConfigurationCheck.problems(Map.of("APP_ENV", "PRODUCTION", "READINESS_MODE", "strict",
                "DB_SSLMODE", "verify-full", "DB_WAIT_TIMEOUT", "PT1M", "SCHEMA_STATE_REFRESH", "200ms", "DB_PORT", "6432",
                "LOG_LEVEL", "debug", "DB_PASSWORD", "{not checked, never printed}", "MIGRATE_AT_START", "false"))).isEmpty();
    }
}

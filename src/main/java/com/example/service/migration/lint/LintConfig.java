package com.example.service.migration.lint;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@code db lint} gets its scratch database and which rules it applies. */
@ConfigMapping(prefix = "lint")
public interface LintConfig {

    /** Where the migrations are replayed. */
    Server server();

    /** LINT_EXCLUDE: rule ids that are not reported at all. */
    Optional<List<String>> exclude();

    /** LINT_WARN: rule ids reported as warnings, which do not fail {@code db lint}. */
    Optional<List<String>> warn();

    /**
     * LINT_ACCEPTED: the accepted-findings file, {@code classpath:…} or {@code filesystem:…}; unset,
     * {@value AcceptedFindings#DEFAULT_LOCATION} if this code has one.
     */
    Optional<String> accepted();

    interface Server {

        /**
         * LINT_SERVER_URL: JDBC URL of a PostgreSQL server on which {@code db lint} creates its scratch
         * database and drops it afterwards; unset, an embedded PostgreSQL started for the run.
         */
        Optional<String> url();

        /** LINT_SERVER_USER: a role of that server allowed to create databases. */
        @WithDefault("postgres")
        String user();

        /** LINT_SERVER_PASSWORD: that role's password; never logged or printed. */
        Optional<String> password();
    }
}

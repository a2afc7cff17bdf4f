package com.example.service.migration.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.MigrationFolder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without LINT_SERVER_URL, db lint starts an embedded PostgreSQL for the run and judges the same way
 * on it; with --all it needs no target database (here the configured one does not exist).
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "lint.server.url", value = ""),
        @ResourceArg(name = "quarkus.datasource.jdbc.url", value = "jdbc:postgresql://127.0.0.1:1/nowhere") })
class EmbeddedScratchServerTest {

    @Inject
    MigrationLinter linter;

    @Test
    void theDefaultScratchServerIsAnEmbeddedPostgreSQLAndAllNeedsNoTarget() {
        try (MigrationFolder folder = MigrationFolder.create()
                .with("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name text);\n")
                .with("V2__index.sql", "CREATE INDEX t_name_idx ON t (name);\n")
                .with("V3__check.sql", "ALTER TABLE t ADD CONSTRAINT name_set CHECK (name <> '') NOT VALID;\n")
                .with("V4__validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT name_set;\n")
                .with("V5__flag.sql", "ALTER TABLE t ADD COLUMN active boolean NOT NULL DEFAULT false;\n")) {
            LintReport report = linter.lintAll(List.of(folder.location()));

            assertThat(report.scratchServer()).startsWith("PostgreSQL ").endsWith("(embedded)");
            assertThat(report.linted()).hasSize(5);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version)
                    .containsExactly(tuple("blocking-index-build", "2"));
        }
    }
}

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

/** LINT_EXCLUDE, LINT_WARN and LINT_ACCEPTED change what a run reports and what fails it. */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "lint.exclude", value = "drop-column"),
        @ResourceArg(name = "lint.warn", value = "blocking-index-build"),
        @ResourceArg(name = "lint.accepted", value = "classpath:lint/accepted.json") })
class LintSettingsTest {

    @Inject
    MigrationLinter linter;

    @Test
    void excludedRulesAreSilentDowngradedOnesAreWarningsAndAcceptedFindingsCarryTheirReason() {
        try (MigrationFolder folder = MigrationFolder.create()
                .with("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name text, n integer);\n")
                .with("V2__index.sql", "CREATE INDEX t_name_idx ON t (name);\n")
                .with("V3__drop.sql", "ALTER TABLE t DROP COLUMN name;\n")
                .with("V4__check.sql", "ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0);\n")
                .with("V5__check.sql", "ALTER TABLE t ADD CONSTRAINT n_small CHECK (n < 100);\n")) {
            LintReport report = linter.lintAll(List.of(folder.location()));

            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::severity, LintFinding::version).containsExactly(
                    tuple("blocking-index-build", Severity.WARNING, "2"), tuple("blocking-scan", Severity.ERROR, "5"));
            assertThat(report.warnings()).isEqualTo(1);
            assertThat(report.errors()).isEqualTo(1);
            assertThat(report.accepted()).singleElement().satisfies(a -> {
                assertThat(a.finding().version()).isEqualTo("4");
                assertThat(a.reason()).isEqualTo("t is a lookup table of ten rows");
                assertThat(a.source()).isEqualTo("classpath:lint/accepted.json");
            });
        }
    }
}

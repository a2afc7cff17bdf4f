package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.IsolatedDatabase;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code db lint} as a command, in-process through the jar's command tree and handlers (one Quarkus
 * start for every run, where a launch of {@code @QuarkusMainTest} builds the application anew; the
 * packaged jar's own lint runs are in ExpandContractIT): the shipped migrations plus one that builds
 * an index on item, on a database where nothing is applied. Text, JSON and SARIF output, exit codes 6
 * and 2.
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__index_item_description.sql",
                value = "-- Descriptions are searched by prefix.\nCREATE INDEX item_description_idx ON item (description);\n") })
class LintCommandTest {

    @Inject
    CommandLineApp app;

    @Test
    void anErrorFindingExitsSixWithTheFindingInTextJsonAndSarif() {
        CommandResult text = InProcess.run(app, "db", "lint", "--all");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.LINT_ERRORS);
        assertThat(text.stdout()).contains("V4__index_item_description.sql:2: error [blocking-index-build] builds index"
                + " item_description_idx on the existing table item holding a SHARE lock")
                .contains("    fix: Use CREATE INDEX CONCURRENTLY")
                .contains("accepted: src/main/resources/db/migration/V2__add_item_description_and_updated_at.sql:5 [whole-table-update]")
                .contains("Linted 4 migration(s) on PostgreSQL", "1 error(s), 0 warning(s), 2 accepted.");

        // Without --all: what is pending on the target, here everything (lint applies nothing to it).
        CommandResult json = InProcess.run(app, "db", "lint", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.LINT_ERRORS);
        JsonNode report = json.json();
        assertThat(report.get("linted")).hasSize(4);
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("warnings").asInt()).isZero();
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("blocking-index-build");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("version").asText()).isEqualTo("4");
        assertThat(finding.get("script").asText()).isEqualTo("V4__index_item_description.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("message").asText()).contains("SHARE lock");
        assertThat(finding.get("fix").asText()).contains("CONCURRENTLY");
        assertThat(report.get("accepted").findValuesAsText("reason")).hasSize(2).allMatch(r -> r.startsWith("Shipped in 1.0"));

        CommandResult sarif = InProcess.run(app, "db", "lint", "--all", "--format", "sarif");
        assertThat(sarif.exitCode()).isEqualTo(ExitCodes.LINT_ERRORS);
        JsonNode log = sarif.json();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("blocking-index-build", "drop-column",
                "concurrently-in-transaction", "invalid-lint-ignore");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("blocking-index-build");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(run.at("/tool/driver/rules").get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("blocking-index-build");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .startsWith("file:///").endsWith("/V4__index_item_description.sql");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(result.has("suppressions")).isFalse();
        assertThat(run.get("results")).hasSize(3);
        assertThat(run.get("results").get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/resources/db/migration/V2__add_item_description_and_updated_at.sql");
        assertThat(run.get("results").get(1).at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(run.get("results").get(1).at("/suppressions/0/justification").asText()).startsWith("Shipped in 1.0");
    }

    @Test
    void contradictoryFormatsAreAUsageError() {
        CommandResult result = InProcess.run(app, "db", "lint", "--json", "--format", "sarif");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("--json and --format sarif contradict each other");
    }
}

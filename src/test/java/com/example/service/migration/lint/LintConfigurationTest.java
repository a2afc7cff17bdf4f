package com.example.service.migration.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.testing.MigrationFolder;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Mistakes in lint's configuration are usage errors, reported before anything runs. */
class LintConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRuleVariableNamingAnUnknownRuleOrTheDirectiveRuleIsRefused() {
        assertThatThrownBy(() -> RuleSettings.of(Optional.of(List.of("table-rewrite", "no-such-rule")), Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("LINT_EXCLUDE names an unknown rule 'no-such-rule'; the rules are table-rewrite,");
        assertThatThrownBy(() -> RuleSettings.of(Optional.empty(), Optional.of(List.of("invalid-lint-ignore"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("LINT_WARN cannot name invalid-lint-ignore");
        RuleSettings settings = RuleSettings.of(Optional.of(List.of("drop-column")), Optional.of(List.of(" table-rewrite")));
        assertThat(settings.excluded(LintRule.DROP_COLUMN)).isTrue();
        assertThat(settings.severity(LintRule.TABLE_REWRITE)).isEqualTo(Severity.WARNING);
        assertThat(settings.severity(LintRule.DROP_COLUMN)).isEqualTo(Severity.ERROR);
    }

    @Test
    void anAcceptedFindingNeedsAKnownRuleAMigrationAndAReason() {
        try (MigrationFolder folder = MigrationFolder.create()
                .with("no-reason.json", "{\"accepted\": [{\"version\": \"2\", \"rule\": \"drop-column\", \"reason\": \" \"}]}")
                .with("unknown-rule.json", "{\"accepted\": [{\"version\": \"2\", \"rule\": \"drop\", \"reason\": \"x\"}]}")
                .with("no-version.json", "{\"accepted\": [{\"rule\": \"drop-column\", \"reason\": \"x\"}]}")
                .with("unknown-field.json", "{\"accepted\": [{\"version\": \"2\", \"rule\": \"drop-column\", \"why\": \"x\"}]}")) {
            assertThatThrownBy(() -> load(folder, "no-reason.json")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageEndingWith("no-reason.json, entry 1: 'reason' is required: say why the finding is accepted");
            assertThatThrownBy(() -> load(folder, "unknown-rule.json")).hasMessageContaining("entry 1: 'rule' must be one of");
            assertThatThrownBy(() -> load(folder, "no-version.json")).hasMessageContaining("entry 1: give 'version'");
            assertThatThrownBy(() -> load(folder, "unknown-field.json")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("is not valid");
            assertThatThrownBy(() -> load(folder, "missing.json")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageEndingWith("missing.json, which does not exist");
        }
        assertThat(AcceptedFindings.load(Optional.empty(), JSON).location()).isEqualTo("classpath:db/lint-accepted.json");
    }

    @Test
    void anAcceptedFindingMatchesItsVersionInAnySpellingAndOnlyTheScriptItNames() {
        try (MigrationFolder folder = MigrationFolder.create().with("accepted.json", "{\"accepted\": ["
                + "{\"version\": \"1_10\", \"rule\": \"drop-column\", \"reason\": \"unused since 2019\"},"
                + "{\"version\": \"2\", \"script\": \"V2__pinned.sql\", \"rule\": \"drop-column\", \"reason\": \"pinned\"},"
                + "{\"script\": \"R__views.sql\", \"rule\": \"drop-table\", \"reason\": \"recreated below\"}]}")) {
            AcceptedFindings accepted = load(folder, "accepted.json");
            assertThat(accepted.reasonFor(finding("drop-column", "1.10", "V1_10__x.sql"))).contains("unused since 2019");
            assertThat(accepted.reasonFor(finding("drop-column", "1.1", "V1_1__x.sql"))).isEmpty();
            assertThat(accepted.reasonFor(finding("table-rewrite", "1.10", "V1_10__x.sql"))).isEmpty();
            assertThat(accepted.reasonFor(finding("drop-column", "2", "V2__pinned.sql"))).contains("pinned");
            assertThat(accepted.reasonFor(finding("drop-column", "2", "V2__other.sql"))).isEmpty();
            assertThat(accepted.reasonFor(finding("drop-table", null, "R__views.sql"))).contains("recreated below");
            assertThat(accepted.reasonFor(finding("drop-table", "3", "R__views.sql"))).isEmpty();
        }
    }

    private static AcceptedFindings load(MigrationFolder folder, String file) {
        return AcceptedFindings.load(Optional.of(folder.location() + "/" + file), JSON);
    }

    private static LintFinding finding(String rule, String version, String script) {
        return new LintFinding(rule, Severity.ERROR, version, script, script, 1, "m", "f");
    }
}

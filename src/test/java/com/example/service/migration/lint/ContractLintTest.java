package com.example.service.migration.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code db lint} per phase: a contract migration may break the old release (that is what it is for),
 * but it still runs on a live table, so the lock and rewrite rules judge it as they judge an expand one.
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = IsolatedDatabase.CONTRACT_SCRIPT + "V4__contract_item.sql", value = """
                ALTER TABLE item DROP COLUMN description;
                CREATE INDEX item_created_at_idx ON item (created_at);
                ALTER TABLE item RENAME COLUMN created_at TO created;
                UPDATE item SET name = lower(name);
                ALTER TABLE item ADD COLUMN token uuid DEFAULT gen_random_uuid();
                """),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V5__drop_item_updated_at.sql",
                value = "ALTER TABLE item DROP COLUMN updated_at;\n") })
class ContractLintTest {

    private static final Set<String> ADDED = Set.of("4", "5");

    @Inject
    MigrationLinter linter;

    @Test
    void lockAndRewriteRulesStillFireInAContractMigrationWhereBreakingChangesAreAllowed() {
        LintReport report = linter.lintAll();
        assertThat(report.findings()).filteredOn(f -> ADDED.contains(f.version()))
                .extracting(LintFinding::rule, LintFinding::version, LintFinding::line, LintFinding::severity)
                .containsExactlyInAnyOrder(
                        tuple("blocking-index-build", "4", 2, Severity.ERROR),
                        tuple("whole-table-update", "4", 4, Severity.ERROR),
                        tuple("table-rewrite", "4", 5, Severity.ERROR),
                        tuple("drop-column", "5", 1, Severity.ERROR));
        assertThat(report.linted()).contains("V4 (V4__contract_item.sql)", "V5 (V5__drop_item_updated_at.sql)");
    }
}

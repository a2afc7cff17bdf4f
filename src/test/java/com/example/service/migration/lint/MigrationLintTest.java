package com.example.service.migration.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.migration.MigrationListener;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.SchemaCatalog;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What {@code db lint} finds in real migrations (files in temporary {@code filesystem:} folders),
 * replayed on a scratch database of the test server, and that the target database is only read.
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__index_item_description.sql",
                value = "CREATE INDEX item_description_idx ON item (description);\n") })
class MigrationLintTest {

    private static final String TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(50), n integer);\n";

    @Inject
    MigrationLinter linter;

    @Inject
    SchemaChanges changes;

    @Inject
    Actors actors;

    @ConfigProperty(name = "test.database.name")
    String database;

    private LintReport lint(MigrationFolder folder) {
        return linter.lintAll(List.of(folder.location()));
    }

    @Test
    void createIndexOnAnExistingTableIsAnErrorAndConcurrentlyInANonTransactionalScriptIsNot() {
        try (MigrationFolder plain = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__index.sql", "-- by name\nCREATE INDEX t_name_idx ON t (name);\n");
                MigrationFolder concurrently = MigrationFolder.create().with("V1__t.sql", TABLE)
                        .with("V2__index.sql", "CREATE INDEX CONCURRENTLY t_name_idx ON t (name);\n")
                        .with("V2__index.sql.conf", "executeInTransaction=false\n")) {
            LintReport report = lint(plain);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::severity, LintFinding::version, LintFinding::line)
                    .containsExactly(tuple("blocking-index-build", Severity.ERROR, "2", 2));
            LintFinding finding = report.findings().get(0);
            assertThat(finding.message()).contains("t_name_idx", "SHARE lock", "writes of t wait", "size of t");
            assertThat(finding.fix()).contains("CREATE INDEX CONCURRENTLY", "executeInTransaction=false");
            assertThat(finding.script()).isEqualTo("V2__index.sql");
            assertThat(finding.file()).isEqualTo(plain.path() + "/V2__index.sql");
            assertThat(report.errors()).isEqualTo(1);
            assertThat(report.linted()).containsExactly("V1 (V1__t.sql)", "V2 (V2__index.sql)");

            LintReport safe = lint(concurrently);
            assertThat(safe.findings()).isEmpty();
            assertThat(safe.linted()).hasSize(2);
        }
    }

    @Test
    void concurrentlyMixedIntoATransactionalScriptIsAnErrorAndTheLaterMigrationsAreStillLinted() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__mixed.sql", "CREATE TABLE u (id bigint);\nCREATE INDEX CONCURRENTLY t_name_idx ON t (name);\n")
                .with("V3__declared.sql", "CREATE INDEX CONCURRENTLY t_n_idx ON t (n);\n")
                .with("V3__declared.sql.conf", "executeInTransaction=true\n")
                .with("V4__drop.sql", "ALTER TABLE t DROP COLUMN n;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line).containsExactly(
                    tuple("concurrently-in-transaction", "2", 2),
                    tuple("concurrently-in-transaction", "3", 1),
                    tuple("drop-column", "4", 1));
            assertThat(report.findings().get(0).message()).contains("Flyway refuses");
            assertThat(report.findings().get(1).message()).contains("executeInTransaction=true");
            assertThat(report.findings().get(0).fix()).contains("executeInTransaction=false");
        }
    }

    @Test
    void aNotNullColumnWithAConstantDefaultIsNothingButAVolatileDefaultRewritesTheTable() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__flag.sql", "ALTER TABLE t ADD COLUMN active boolean NOT NULL DEFAULT false;\n")
                .with("V3__token.sql", "ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line)
                    .containsExactly(tuple("table-rewrite", "3", 1));
            assertThat(report.findings().get(0).message()).contains("rewrites every row of table t", "ACCESS EXCLUSIVE",
                    "reads and writes of t wait");
            assertThat(report.findings().get(0).fix()).contains("backfill");
        }
    }

    @Test
    void aCheckConstraintIsAnErrorUnlessAddedNotValidAndValidatedInALaterMigration() {
        try (MigrationFolder atOnce = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0);\n");
                MigrationFolder later = MigrationFolder.create().with("V1__t.sql", TABLE)
                        .with("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;\n")
                        .with("V3__validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT n_positive;\n");
                MigrationFolder sameMigration = MigrationFolder.create().with("V1__t.sql", TABLE)
                        .with("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;\n"
                                + "ALTER TABLE t VALIDATE CONSTRAINT n_positive;\n")) {
            LintReport report = lint(atOnce);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line)
                    .containsExactly(tuple("blocking-scan", "2", 1));
            assertThat(report.findings().get(0).message()).contains("to validate the check constraint", "ACCESS EXCLUSIVE");
            assertThat(report.findings().get(0).fix()).contains("NOT VALID", "VALIDATE CONSTRAINT");

            assertThat(lint(later).findings()).isEmpty();

            assertThat(lint(sameMigration).findings()).extracting(LintFinding::rule, LintFinding::line, LintFinding::message)
                    .containsExactly(tuple("blocking-scan", 2, "reads every row of t to validate the constraint while the"
                            + " migration holds an ACCESS EXCLUSIVE lock on it, taken at line 1: reads and writes of t wait for"
                            + " the whole scan, for a time that grows with the size of t."));
        }
    }

    @Test
    void aForeignKeyIsValidatedUnderALockThatBlocksWritesOnBothTables() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__child.sql", "CREATE TABLE c (id bigint PRIMARY KEY, t_id bigint);\n")
                .with("V3__fk.sql", "ALTER TABLE c ADD CONSTRAINT c_t FOREIGN KEY (t_id) REFERENCES t (id);\n")) {
            List<LintFinding> findings = lint(folder).findings();
            assertThat(findings).extracting(LintFinding::rule, LintFinding::version).contains(tuple("blocking-scan", "3"));
            assertThat(findings.get(0).message()).contains("reads every row of c to validate the foreign key",
                    "SHARE ROW EXCLUSIVE", "also holds SHARE ROW EXCLUSIVE on t");
            assertThat(findings.get(0).fix()).contains("NOT VALID");
        }
    }

    @Test
    void droppingAndRenamingAColumnAreErrors() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__drop.sql", "ALTER TABLE t DROP COLUMN n;\n")
                .with("V3__rename.sql", "\nALTER TABLE t RENAME COLUMN name TO title;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line).containsExactly(
                    tuple("drop-column", "2", 1), tuple("rename-column", "3", 2));
            assertThat(report.findings().get(0).message()).contains("drops column t.n", "release still running");
            assertThat(report.findings().get(0).fix()).contains("Expand/contract");
            assertThat(report.findings().get(1).message()).contains("renames column t.name to title");
        }
    }

    @Test
    void objectsCreatedEarlierInTheSameMigrationAreExempt() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__u.sql", "CREATE TABLE u (id bigint PRIMARY KEY, name text);\n"
                        + "INSERT INTO u SELECT id, name FROM t;\n"
                        + "CREATE INDEX u_name_idx ON u (name);\n"
                        + "UPDATE u SET name = upper(name);\n"
                        + "ALTER TABLE u ADD CONSTRAINT u_name CHECK (name <> '');\n"
                        + "ALTER TABLE u ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"
                        + "ALTER TABLE u DROP COLUMN token;\n")) {
            assertThat(lint(folder).findings()).isEmpty();
        }
    }

    @Test
    void aBackfillOfAWholeExistingTableIsAnErrorThatNamesTheLockTheMigrationHolds() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__backfill.sql", "ALTER TABLE t ADD COLUMN m integer;\nUPDATE t SET m = n;\n"
                        + "UPDATE t SET m = 0 WHERE id = 1;\nWITH one AS (SELECT 1 AS v) UPDATE t SET m = one.v FROM one;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::line)
                    .containsExactly(tuple("whole-table-update", 2), tuple("whole-table-update", 4));
            assertThat(report.findings().get(0).message()).contains("UPDATE reads every row of t",
                    "holds an ACCESS EXCLUSIVE lock on t, taken at line 1");
            assertThat(report.findings().get(0).fix()).contains("batches");
        }
    }

    @Test
    void aBackfillJoinedToAnEmptyTableIsStillAWholeTableUpdate() {
        // On the empty scratch tables the hash join ends at the empty ns before it reads ds: only the plan shows the scan.
        try (MigrationFolder folder = MigrationFolder.create()
                .with("V1__tables.sql", "CREATE TABLE ns (uuid uuid PRIMARY KEY, name varchar(20));\n"
                        + "CREATE TABLE ds (uuid uuid PRIMARY KEY, ns_uuid uuid, name varchar(20), description varchar(2000));\n")
                .with("V2__backfill.sql", "UPDATE ds SET name = ns.name FROM ns WHERE ns.uuid = ds.ns_uuid;\n")) {
            assertThat(lint(folder).findings()).extracting(LintFinding::rule, LintFinding::line)
                    .containsExactly(tuple("whole-table-update", 1));
        }
    }

    @Test
    void wideningAVarcharIsNothingButConvertingAColumnIsARewriteAndBreaksTheOldRelease() {
        // The index on name is recreated on its old storage when name becomes text: no build either.
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE + "CREATE INDEX t_name_idx ON t (name);\n")
                .with("V2__widen.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(100);\n")
                .with("V3__text.sql", "ALTER TABLE t ALTER COLUMN name TYPE text;\n")
                .with("V4__bigint.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version)
                    .containsExactlyInAnyOrder(tuple("table-rewrite", "4"), tuple("change-column-type", "4"));
            assertThat(report.findings()).filteredOn(f -> f.rule().equals("change-column-type")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("t.n from integer to bigint"));
        }
    }

    @Test
    void requiredColumnsAndDroppedTablesBreakTheOldRelease() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE + "CREATE TABLE old (id bigint);\n"
                + "CREATE VIEW v AS SELECT id, name FROM t;\n")
                .with("V2__required.sql", "ALTER TABLE t ADD COLUMN r integer NOT NULL;\nALTER TABLE t ALTER COLUMN n SET NOT NULL;\n")
                .with("V3__drop.sql", "DROP TABLE old;\nDROP VIEW v;\nCREATE VIEW v AS SELECT id, name FROM t;\n")
                .with("V4__view.sql", "DROP VIEW v;\nCREATE VIEW v AS SELECT id FROM t;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line).contains(
                    tuple("add-required-column", "2", 1), tuple("make-column-required", "2", 2), tuple("drop-table", "3", 1),
                    tuple("drop-column", "4", 2));
            assertThat(report.findings()).extracting(LintFinding::rule).doesNotContain("rename-table")
                    .filteredOn("drop-table"::equals).hasSize(1);
        }
    }

    @Test
    void anInlineIgnoreWithAReasonAcceptsAFindingAndOneWithoutAReasonIsAnError() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__index.sql", "-- lint:ignore blocking-index-build t holds ten rows\nCREATE INDEX t_name_idx ON t (name);\n"
                        + "\n-- lint:ignore blocking-index-build\nCREATE INDEX t_n_idx ON t (n);\n"
                        + "-- lint:ignore no-such-rule because\nALTER TABLE t DROP COLUMN n;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::line).containsExactly(
                    tuple("invalid-lint-ignore", 4), tuple("invalid-lint-ignore", 6), tuple("blocking-index-build", 5),
                    tuple("drop-column", 7));
            assertThat(report.findings().get(0).message()).contains("gives no reason");
            assertThat(report.findings().get(1).message()).contains("unknown rule 'no-such-rule'");
            assertThat(report.accepted()).singleElement().satisfies(a -> {
                assertThat(a.finding().rule()).isEqualTo("blocking-index-build");
                assertThat(a.finding().line()).isEqualTo(2);
                assertThat(a.reason()).isEqualTo("t holds ten rows");
                assertThat(a.source()).isEqualTo("V2__index.sql:1");
            });
        }
    }

    @Test
    void aMigrationThatFailsIsAnErrorAndTheOnesAfterItAreNotLinted() {
        try (MigrationFolder folder = MigrationFolder.create().with("V1__t.sql", TABLE)
                .with("V2__broken.sql", "ALTER TABLE t ADD COLUMN m integer;\nALTER TABLE nowhere ADD COLUMN x integer;\n")
                .with("V3__later.sql", "ALTER TABLE t DROP COLUMN n;\n")) {
            LintReport report = lint(folder);
            assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version, LintFinding::line)
                    .containsExactly(tuple("migration-fails", "2", 2));
            assertThat(report.findings().get(0).message()).contains("42P01", "nowhere", "roll the migration back");
            assertThat(report.linted()).containsExactly("V1 (V1__t.sql)", "V2 (V2__broken.sql)");
            assertThat(report.notLinted()).containsExactly("V3 (V3__later.sql)");
        }
    }

    @Test
    void pendingMigrationsAreLintedOnTheTargetsSchemaAndTheTargetIsLeftAsItWas() {
        TestDatabase target = TestDatabase.existing(database);
        changes.upgrade(actors.commandLine(), "2", MigrationListener.NONE);
        List<String> catalog = SchemaCatalog.of(target);
        List<String> history = target.column("SELECT installed_rank || ' ' || version || ' ' || checksum || ' ' || success"
                + " FROM flyway_schema_history ORDER BY installed_rank");
        List<String> scratchBefore = scratchDatabases();

        LintReport report = linter.lintPending();

        assertThat(report.linted()).containsExactly("V3 (V3__index_item_name.sql)", "V4 (V4__index_item_description.sql)");
        assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::version)
                .containsExactly(tuple("blocking-index-build", "4"));
        assertThat(report.findings().get(0).message()).contains("existing table item");
        assertThat(report.accepted()).isEmpty();
        assertThat(report.scratchServer()).endsWith("(LINT_SERVER_URL)");
        assertThat(SchemaCatalog.of(target)).isEqualTo(catalog);
        assertThat(target.column("SELECT installed_rank || ' ' || version || ' ' || checksum || ' ' || success"
                + " FROM flyway_schema_history ORDER BY installed_rank")).isEqualTo(history);
        assertThat(scratchDatabases()).as("the scratch database is dropped").isEqualTo(scratchBefore);
    }

    private static List<String> scratchDatabases() {
        try (TestDatabase postgres = TestDatabase.existing("postgres")) {
            return postgres.column("SELECT datname FROM pg_database WHERE datname LIKE 'lint\\_%' ORDER BY 1");
        }
    }
}

package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.TestDatabase;

/**
 * MIGRATION_STATEMENT_LOCK_TIMEOUT: DDL that cannot get its table lock gives up quickly, names the
 * blocker and leaves nothing behind, instead of queueing every later query behind it.
 */
class StatementLockTimeoutIT {

    private static final String HAS_X = "SELECT count(*)::text FROM information_schema.columns WHERE table_name = 'item' AND column_name = 'x'";

    @Test
    void aMigrationBlockedByAnOpenTransactionFailsFastAndSucceedsOnceTheBlockerIsGone() throws SQLException {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__add_x.sql", "ALTER TABLE item ADD COLUMN x int;\n")) {
            database.upgrade();
            Db db = Db.on(database).withMigrations(extra).with("MIGRATION_STATEMENT_LOCK_TIMEOUT", "1s");

            CommandResult blocked;
            int blockerPid;
            try (Connection blocker = holdAccessShareLockOnItem(database)) {
                blockerPid = pid(blocker);
                blocked = db.run("upgrade");
            }
            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(1);
            // The command's error line once; the audit's structured line of the failure is the only other.
            assertThat(blocked.stderr()).contains("schema change action=upgrade result=failure");
            assertThat(blocked.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("V4", "V4__add_x.sql", "55P03", "blocked by a lock held by another session",
                            "pid " + blockerPid, "idle in transaction", "MIGRATION_STATEMENT_LOCK_TIMEOUT (PT1S)", "Retry");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(database.single(HAS_X)).isEqualTo("0");

            CommandResult retried = db.run("upgrade");
            assertThat(retried.exitCode()).as(retried.toString()).isZero();
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(database.single(HAS_X)).isEqualTo("1");
        }
    }

    @Test
    void aLaterMigrationOfTheSameUpgradeFailsFastToo() throws SQLException {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__other.sql", "CREATE TABLE other (id int);\n")
                        .with("V5__add_x.sql", "ALTER TABLE item ADD COLUMN x int;\n")) {
            database.upgrade();
            Db db = Db.on(database).withMigrations(extra).with("MIGRATION_STATEMENT_LOCK_TIMEOUT", "1s");

            CommandResult blocked;
            try (Connection blocker = holdAccessShareLockOnItem(database)) {
                blocked = db.run("upgrade");
            }
            // Each migration has its own transaction, and the timeout is set again for each one.
            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(1);
            assertThat(blocked.stderr()).contains("V5__add_x.sql", "55P03");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void anUndoScriptBlockedByAnOpenTransactionFailsFastToo() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            database.upgrade();
            Db db = Db.on(database).with("MIGRATION_STATEMENT_LOCK_TIMEOUT", "1s");

            CommandResult blocked;
            try (Connection blocker = holdAccessShareLockOnItem(database)) {
                blocked = db.run("downgrade", "--steps", "1");
            }
            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(1);
            assertThat(blocked.stderr()).contains("U3__index_item_name.sql", "55P03", "blocked by a lock held by another session");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(database.single("SELECT (to_regclass('item_name_idx') IS NOT NULL)::text")).isEqualTo("true");
        }
    }

    /** {@code BEGIN; SELECT * FROM item}, left open: ACCESS SHARE, which every ALTER TABLE or DROP INDEX waits for. */
    private static Connection holdAccessShareLockOnItem(TestDatabase database) throws SQLException {
        Connection blocker = database.connect();
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement()) {
            s.executeQuery("SELECT * FROM item").close();
        }
        return blocker;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package com.example.service.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs migrations on the scratch database's one connection the way Flyway would: a script in one
 * transaction, or each statement on its own. While watching, each statement that can run in a
 * transaction runs in one this class controls, so that the catalog, the counters and the locks can
 * be read right after it, before it commits; for a single statement that is what autocommit does too.
 */
final class ScratchReplay {

    private final Connection connection;

    ScratchReplay(Connection connection) {
        this.connection = connection;
    }

    /** Runs a migration the target has already applied, to give the scratch database its schema. */
    void replay(MigrationScript script) throws StatementFailedException, SQLException {
        boolean oneTransaction = oneTransaction(script);
        connection.setAutoCommit(!oneTransaction);
        for (ScriptStatement statement : script.statements()) {
            execute(statement);
        }
        if (oneTransaction) {
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    /** Runs a migration watching each statement; returns what was found, the form-only findings included. */
    List<Observed> watch(MigrationScript script) throws StatementFailedException, SQLException {
        boolean oneTransaction = oneTransaction(script);
        connection.setAutoCommit(!oneTransaction);
        MigrationObserver observer = new MigrationObserver(CatalogReader.read(connection));
        ScriptRules.beforeRunning(script).forEach(observer::add);
        CatalogSnapshot before = observer.startSnapshot();
        for (ScriptStatement statement : script.statements()) {
            StatementForm form = StatementForm.of(statement.sql());
            boolean locksKnown = oneTransaction || statement.canRunInTransaction() && !form.concurrently();
            if (!oneTransaction) {
                connection.setAutoCommit(!locksKnown);
                before = CatalogReader.read(connection);
            }
            Long target = form.dmlTarget().isPresent() ? CatalogReader.resolve(connection, form.dmlTarget().get().table()) : null;
            boolean targetScanPlanned = target != null && locksKnown
                    && TargetScanPlan.scansWholeTable(connection, statement.sql(), target);
            execute(statement);
            CatalogSnapshot after = CatalogReader.read(connection);
            observer.ran(new StatementRun(statement, form, before, after, locksKnown, target, targetScanPlanned));
            if (!oneTransaction && locksKnown) {
                connection.commit();
                observer.committed();
            }
            before = after;
        }
        if (oneTransaction) {
            connection.commit();
        }
        connection.setAutoCommit(true);
        return observer.finish();
    }

    /**
     * One transaction when Flyway would use one and PostgreSQL lets every statement run in it;
     * otherwise each statement on its own, as the fix that {@code concurrently-in-transaction} asks for.
     */
    private static boolean oneTransaction(MigrationScript script) {
        return (script.transaction() == TransactionMode.ONE_TRANSACTION
                || script.transaction() == TransactionMode.DECLARED_ONE_TRANSACTION)
                && script.statements().stream().noneMatch(s -> StatementForm.of(s.sql()).concurrently());
    }

    private void execute(ScriptStatement statement) throws StatementFailedException, SQLException {
        if (StatementForm.of(statement.sql()).copyFromStdin()) {
            throw new LintException("line " + statement.line() + ": db lint cannot replay COPY … FROM STDIN", null);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(statement.sql());
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            throw new StatementFailedException(statement, e);
        }
    }
}

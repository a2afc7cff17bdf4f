package com.example.service.migration.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlScriptMetadata;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;

import com.example.service.migration.db.ScriptSource;

/**
 * Splits scripts with Flyway's own parser, set up as Flyway sets it up for the scratch database (its
 * server version, its placeholders), so that statements, their lines, dollar quotes,
 * {@code .sql.conf} files and the statements that cannot run in a transaction are exactly what
 * Flyway runs. The parser is Flyway's internal API (public classes of
 * {@code org.flywaydb.core.internal}); it is used only here, and the tests of {@code db lint} fail
 * loudly if an upgrade of Flyway changes it.
 */
final class ScriptReader implements AutoCloseable {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private final Configuration configuration;
    private final List<String> locations;
    private final JdbcConnectionFactory connections;
    private final Database<?> database;
    private final Parser parser;

    private ScriptReader(Configuration configuration, List<String> locations, JdbcConnectionFactory connections,
            Database<?> database, Parser parser) {
        this.configuration = configuration;
        this.locations = locations;
        this.connections = connections;
        this.database = database;
        this.parser = parser;
    }

    /** A reader for the scripts of {@code locations}, with the parser Flyway would use on {@code configuration}'s database. */
    static ScriptReader open(Configuration configuration, List<String> locations) {
        JdbcConnectionFactory connections = new JdbcConnectionFactory(configuration.getDataSource(), configuration, null);
        Database<?> database = connections.getDatabaseType().createDatabase(configuration, connections, null);
        ParsingContext context = new ParsingContext();
        context.populate(database, configuration);
        Parser parser = connections.getDatabaseType().createParser(configuration, null, context);
        return new ScriptReader(configuration, locations, connections, database, parser);
    }

    @Override
    public void close() {
        database.close();
        connections.close();
    }

    MigrationScript read(MigrationInfo migration) {
        String script = migration.getScript();
        String location = locations.stream().filter(l -> ScriptSource.read(List.of(l), script).isPresent()).findFirst()
                .orElseThrow(() -> new LintException("script " + script + " not found in " + locations, null));
        String text = ScriptSource.read(List.of(location), script).orElseThrow();
        Optional<String> conf = ScriptSource.read(List.of(location), script + ".conf");
        try {
            SqlScriptMetadata metadata = SqlScriptMetadata.fromResource(conf.map(StringResource::new).orElse(null), parser,
                    configuration);
            List<ScriptStatement> statements = new ArrayList<>();
            try (SqlStatementIterator parsed = parser.parse(new StringResource(text), metadata)) {
                while (parsed.hasNext()) {
                    SqlStatement s = parsed.next();
                    statements.add(new ScriptStatement(s.getLineNumber(), s.getSql(), s.canExecuteInTransaction()));
                }
            }
            return new MigrationScript(migration.getVersion() == null ? null : migration.getVersion().getVersion(), script,
                    file(location, script), transaction(metadata.executeInTransaction(), statements), List.copyOf(statements));
        } catch (FlywayException e) {
            throw new LintException("cannot read " + script + ": " + e.getMessage(), e);
        }
    }

    /** Flyway's rule (ParserSqlScript): a .sql.conf decides; otherwise the statements do, and mixing them is refused. */
    private TransactionMode transaction(Boolean declared, List<ScriptStatement> statements) {
        if (declared != null) {
            return declared ? TransactionMode.DECLARED_ONE_TRANSACTION : TransactionMode.EACH_STATEMENT;
        }
        boolean anyOutside = statements.stream().anyMatch(s -> !s.canRunInTransaction());
        boolean anyInside = statements.stream().anyMatch(ScriptStatement::canRunInTransaction);
        if (anyOutside && anyInside && !configuration.isMixed()) {
            return TransactionMode.REFUSED_MIXED;
        }
        return anyOutside || !configuration.isExecuteInTransaction() ? TransactionMode.EACH_STATEMENT
                : TransactionMode.ONE_TRANSACTION;
    }

    /** A classpath location is taken to be a resource folder of this project's Maven layout. */
    private static String file(String location, String script) {
        if (location.startsWith(FILESYSTEM)) {
            return location.substring(FILESYSTEM.length()).replaceAll("/+$", "") + "/" + script;
        }
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        return "src/main/resources/" + path.replaceAll("^/+|/+$", "") + "/" + script;
    }
}

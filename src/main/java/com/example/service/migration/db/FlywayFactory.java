package com.example.service.migration.db;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.resource.ResourceNameParser;

import com.example.service.migration.MigrationConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Builds Flyway from run-time configuration. The Quarkus extension fixes its locations at build
 * time; ours come from MIGRATION_LOCATIONS when the process starts.
 */
@ApplicationScoped
public class FlywayFactory {

    /** Flyway's default name, fixed here because the cache reads the table directly. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private final AgroalDataSource dataSource;
    private final MigrationConfig config;
    /*
     * The Flyways whose configuration never changes, built once each: building one loads Flyway's
     * plugins and copies each of them through Jackson, which a running instance would otherwise pay
     * again at every complete read of the state and every admin request that reads migrations.
     */
    private final Map<Use, Flyway> built = new ConcurrentHashMap<>();

    private enum Use {
        READ, VALIDATE
    }

    FlywayFactory(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, MigrationConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * The configuration every Flyway of this service starts from: expand and contract migrations
     * together, as the schema history knows them (reads, validation, repair, downgrade).
     */
    public FluentConfiguration configure() {
        return base().locations(locations(config.locations(), config.contractLocations()));
    }

    /**
     * For applying the expand phase: contract migrations are not even resolved, so none is applied;
     * those already applied read as missing, which this Flyway never validates.
     */
    public FluentConfiguration forExpand() {
        return base().locations(locations(config.locations()));
    }

    /**
     * For applying the contract phase: a contract migration numbered below expand migrations
     * applied since is applied out of order, by design.
     */
    public FluentConfiguration forContract() {
        return configure().outOfOrder(true);
    }

    @SafeVarargs
    private static String[] locations(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toArray(String[]::new);
    }

    private FluentConfiguration base() {
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                // A session lock instead of Flyway's transactional one: a transaction held open while
                // waiting would block CREATE INDEX CONCURRENTLY forever (Flyway #3497, #3682).
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                // Flyway's own default, which the Quarkus extension drops: a schema migrated by a
                // newer release must not stop an older one (rolling deploys, rollbacks).
                .ignoreMigrationPatterns("*:future")
                // We validate explicitly before migrating, once, with our own patterns.
                .validateOnMigrate(false)
                // Flyway's sessions only: DDL queued behind a long transaction would queue every
                // later query on its table behind it, so it gives up instead (SQL state 55P03).
                .initSql(lockTimeoutSql(false))
                .baselineOnMigrate(config.baselineOnMigrate())
                .baselineVersion(config.baselineVersion())
                .cleanDisabled(true);
    }

    /**
     * {@code SET lock_timeout} to MIGRATION_STATEMENT_LOCK_TIMEOUT, for the session or, with
     * {@code local}, for the current transaction only.
     */
    public String lockTimeoutSql(boolean local) {
        return "SET " + (local ? "LOCAL " : "") + "lock_timeout = " + config.statementLockTimeout().toMillis();
    }

    /**
     * Makes {@code configuration}, for the Flyways of one command (an upgrade's plan and its run),
     * find its scripts once, now, and read each whole ({@link WholeScripts}). Not for the Flyways
     * kept here, which must see a script added on disk since.
     */
    public static void scanOnce(FluentConfiguration configuration) {
        WholeScripts scripts = new WholeScripts(configuration);
        configuration.resourceProvider(scripts).javaMigrationClassProvider(scripts.scanner());
    }

    /**
     * Flyway's migrate with nothing to apply, on a copy of {@code configuration}: what its migrate
     * does before applying anything, by its own rules. It creates the schema history table when
     * there is none, adopts a schema that has tables but no history when BASELINE_ON_MIGRATE says
     * so (a baseline row), and otherwise refuses such a schema.
     */
    public static void prepareHistory(FluentConfiguration configuration) {
        Flyway.configure(configuration.getClassLoader()).configuration(configuration)
                .skipDefaultResolvers(true).skipDefaultCallbacks(true).target(MigrationVersion.LATEST)
                .load().migrate();
    }

    /**
     * Whether a migrate with {@code configuration}, once {@link #scanOnce scanned}, would call back:
     * callbacks it was given, or SQL callbacks ({@code afterEachMigrate.sql} and the like) among its
     * scripts, by Flyway's own naming rules.
     */
    public static boolean hasCallbacks(Configuration configuration) {
        ResourceNameParser names = new ResourceNameParser(configuration);
        return configuration.getCallbacks().length > 0 || configuration.getResourceProvider()
                .getResources("", configuration.getSqlMigrationSuffixes()).stream()
                .map(script -> names.parse(script.getFilename()))
                .anyMatch(name -> name.isValid() && Event.fromId(name.getPrefix()) != null);
    }

    public Flyway flyway() {
        return built.computeIfAbsent(Use.READ, use -> configure().load());
    }

    /** Flyway configured to report only real drift: pending and newer migrations are not findings. */
    public Flyway forValidation() {
        return built.computeIfAbsent(Use.VALIDATE, use -> configure().ignoreMigrationPatterns("*:future", "*:pending").load());
    }
}

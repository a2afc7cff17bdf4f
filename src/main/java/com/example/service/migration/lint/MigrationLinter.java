package com.example.service.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.Phase;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.MigrationPhases;
import com.example.service.migration.state.SchemaInspector;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code db lint}: replays this code's migrations on a scratch database, those the target has
 * applied silently and the pending ones (or all) statement by statement, and reports what
 * PostgreSQL did with them. The target is only read, through {@link SchemaInspector}.
 */
@ApplicationScoped
public class MigrationLinter {

    private static final Logger LOG = Logger.getLogger(MigrationLinter.class);

    private final MigrationConfig migrationConfig;
    private final LintConfig config;
    private final SchemaInspector inspector;
    private final FlywayFactory flywayFactory;
    private final MigrationPhases phases;
    private final ObjectMapper mapper;

    MigrationLinter(MigrationConfig migrationConfig, LintConfig config, SchemaInspector inspector, FlywayFactory flywayFactory,
            MigrationPhases phases, ObjectMapper mapper) {
        this.migrationConfig = migrationConfig;
        this.config = config;
        this.inspector = inspector;
        this.flywayFactory = flywayFactory;
        this.phases = phases;
        this.mapper = mapper;
    }

    /** Lints the migrations pending on the configured database; the ones it has applied are replayed, never reported. */
    public LintReport lintPending() {
        Settings settings = settings();
        Set<String> pending = inspector.pending().stream().map(Migration::script).collect(Collectors.toSet());
        if (pending.isEmpty()) {
            return LintReport.of(List.of(), List.of(), List.of(), List.of(), null);
        }
        return lint(codeLocations(), pending::contains, settings, Optional.of(inspector.databaseVersion()));
    }

    /** Lints every migration of this code, expand and contract, as on a new database; needs no target database. */
    public LintReport lintAll() {
        return lintAll(codeLocations());
    }

    private List<String> codeLocations() {
        List<String> locations = new ArrayList<>(migrationConfig.locations());
        locations.addAll(migrationConfig.contractLocations());
        return locations;
    }

    /** Lints every migration found in {@code locations} (Flyway locations), as on a new database. */
    public LintReport lintAll(List<String> locations) {
        return lint(locations, script -> true, settings(), Optional.empty());
    }

    /**
     * @param rules    exclusions and downgrades of the configuration
     * @param accepted the accepted-findings file
     * @param phases   which versions are contract migrations, where breaking changes are the point
     */
    private record Settings(RuleSettings rules, AcceptedFindings accepted, MigrationPhases phases) {
    }

    /** Read first, so that a configuration mistake is reported before any server starts. */
    private Settings settings() {
        return new Settings(RuleSettings.of(config.exclude(), config.warn()), AcceptedFindings.load(config.accepted(), mapper),
                phases);
    }

    private LintReport lint(List<String> locations, Predicate<String> watched, Settings settings,
            Optional<String> targetVersion) {
        try (ScratchServer server = config.server().url().isPresent() ? new UrlScratchServer(config.server())
                : EmbeddedScratchServer.start();
                ScratchDatabase scratch = ScratchDatabase.create(server);
                Connection connection = scratch.connect()) {
            String scratchServer = "PostgreSQL " + version(connection) + " (" + server.origin() + ")";
            if (targetVersion.isPresent()) {
                warnOnVersionMismatch(connection, targetVersion.get());
            }
            List<MigrationScript> replayed = new ArrayList<>();
            List<MigrationScript> watchedScripts = new ArrayList<>();
            Flyway flyway = flywayFactory.configure().locations(locations.toArray(String[]::new))
                    .dataSource(scratch.dataSource()).load();
            try (ScriptReader reader = ScriptReader.open(flyway.getConfiguration(), locations)) {
                for (MigrationInfo migration : resolve(flyway)) {
                    (watched.test(migration.getScript()) ? watchedScripts : replayed).add(reader.read(migration));
                }
            }
            return run(new ScratchReplay(connection), replayed, watchedScripts, settings, scratchServer);
        } catch (SQLException e) {
            throw new LintException("the scratch database failed: " + e.getMessage(), e);
        }
    }

    /** This code's migrations in the order a new database gets them: versioned ones by version, then repeatable ones. */
    private static List<MigrationInfo> resolve(Flyway flyway) {
        try {
            MigrationInfo[] all = flyway.info().all();
            List<MigrationInfo> sql = Arrays.stream(all).filter(i -> i.getState().isResolved()).toList();
            sql.stream().filter(i -> !"SQL".equals(i.getType().name())).findFirst().ifPresent(i -> {
                throw new LintException(i.getScript() + " is not a SQL migration; db lint replays SQL migrations only", null);
            });
            return sql;
        } catch (FlywayException e) {
            throw new LintException("cannot resolve the migrations: " + e.getMessage(), e);
        }
    }

    private LintReport run(ScratchReplay replay, List<MigrationScript> replayed, List<MigrationScript> watched,
            Settings settings, String scratchServer) throws SQLException {
        for (MigrationScript script : replayed) {
            try {
                replay.replay(script);
            } catch (StatementFailedException e) {
                throw new LintException(script.label() + ", applied on the target, fails on the scratch database at line "
                        + e.statement().line() + ": " + e.getMessage(), e);
            }
        }
        Judge judge = new Judge(settings);
        List<String> linted = new ArrayList<>();
        List<String> notLinted = new ArrayList<>();
        for (MigrationScript script : watched) {
            if (judge.failed) {
                notLinted.add(script.label());
                continue;
            }
            linted.add(script.label());
            try {
                judge.add(script, replay.watch(script));
            } catch (StatementFailedException e) {
                judge.add(script, List.of(failure(script, e)));
                judge.failed = true;
            }
        }
        return LintReport.of(judge.findings, judge.accepted, linted, notLinted, scratchServer);
    }

    private static Observed failure(MigrationScript script, StatementFailedException e) {
        String state = e.sqlException().getSQLState();
        String upgrade = script.transaction() == TransactionMode.EACH_STATEMENT
                ? "db upgrade would fail the same way, leaving a failed row in the schema history."
                : "db upgrade would fail the same way and roll the migration back.";
        return new Observed(LintRule.MIGRATION_FAILS, e.statement(), "fails on the scratch database"
                + (state == null ? "" : " with SQL state " + state) + ": " + e.getMessage().strip() + ". " + upgrade
                + " Later migrations were not linted.", "Fix the statement, then run db lint again.");
    }

    private static void warnOnVersionMismatch(Connection scratch, String target) throws SQLException {
        String ours = version(scratch);
        if (!major(ours).equals(major(target))) {
            LOG.warnf("db lint replays on PostgreSQL %s, the target runs %s: locks and rewrites can differ between major"
                    + " versions; set LINT_SERVER_URL to a server of the target's version", ours, target);
        }
    }

    /** {@code 15.20} of {@code 15.20 (Debian 15.20-0+deb12u1)}. */
    private static String version(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
    }

    private static String major(String version) {
        return version.split("[.\\s]")[0];
    }

    /** Applies configuration, inline comments and the accepted-findings file to what was observed. */
    private static final class Judge {

        private final Settings settings;
        private final List<LintFinding> findings = new ArrayList<>();
        private final List<AcceptedFinding> accepted = new ArrayList<>();
        private boolean failed;

        Judge(Settings settings) {
            this.settings = settings;
        }

        void add(MigrationScript script, List<Observed> observed) {
            boolean contract = settings.phases().of(script.version()) == Phase.CONTRACT;
            for (Observed o : observed) {
                // A contract migration runs once no release that needs what it removes is connected.
                if (settings.rules().excluded(o.rule()) || contract && o.rule().group() == RuleGroup.BREAKING) {
                    continue;
                }
                LintFinding finding = new LintFinding(o.rule().id(), settings.rules().severity(o.rule()), script.version(),
                        script.script(), script.file(), o.line(), o.message(), o.fix());
                Optional<IgnoreDirective> inline = IgnoreDirective.in(o.statement()).stream()
                        .filter(d -> d.accepts(o.rule())).findFirst();
                Optional<String> listed = settings.accepted().reasonFor(finding);
                if (inline.isPresent()) {
                    accepted.add(new AcceptedFinding(finding, inline.get().reason(), script.script() + ":" + inline.get().line()));
                } else if (listed.isPresent()) {
                    accepted.add(new AcceptedFinding(finding, listed.get(), settings.accepted().location()));
                } else {
                    findings.add(finding);
                }
            }
        }
    }
}

package com.example.service.migration.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.Migration;
import com.example.service.migration.Phase;
import com.example.service.migration.db.FlywayErrors;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.MigrationPhases;
import com.example.service.migration.db.SqlErrors;
import com.example.service.migration.lock.LockHolder;
import com.example.service.migration.lock.MigrationLock;
import com.example.service.migration.release.ConnectedRelease;
import com.example.service.migration.release.ConnectedReleases;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/** Reads the schema's state through Flyway: the expensive, complete read that the cache keeps. */
@ApplicationScoped
public class SchemaInspector {

    private final FlywayFactory flywayFactory;
    private final MigrationLock lock;
    private final MigrationPhases phases;
    private final ConnectedReleases releases;
    private final AgroalDataSource dataSource;
    private final Event<SchemaStateRead> stateRead;

    SchemaInspector(FlywayFactory flywayFactory, MigrationLock lock, MigrationPhases phases, ConnectedReleases releases,
            @DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, Event<SchemaStateRead> stateRead) {
        this.flywayFactory = flywayFactory;
        this.lock = lock;
        this.phases = phases;
        this.releases = releases;
        this.dataSource = dataSource;
        this.stateRead = stateRead;
    }

    /** This code's migrations not yet applied, expand and contract, in version order. */
    public List<Migration> pending() {
        return Arrays.stream(info()).filter(SchemaInspector::pendingForThisCode).map(this::migration)
                .sorted(SchemaState.IN_VERSION_ORDER).toList();
    }

    /**
     * The complete state when this code's schema is current ({@link SchemaState#currentForThisCode()}:
     * no expand migration pending, none failed), else empty at the cost of one Flyway info alone: an
     * upgrade with work to do validates under the lock anyway. A state read here is announced
     * ({@link SchemaStateRead}).
     */
    public Optional<SchemaState> readIfCurrentForThisCode() {
        MigrationInfo[] all = info();
        if (Arrays.stream(all).anyMatch(i -> i.getState().isFailed() || pendingForThisCode(i) && phase(i) != Phase.CONTRACT)) {
            return Optional.empty();
        }
        SchemaState state = read(all);
        stateRead.fire(new SchemaStateRead(state));
        return Optional.of(state);
    }

    /** Drift and failures, itemised; pending and newer migrations are not findings. */
    public List<DriftItem> validate() {
        try {
            ValidateResult result = flywayFactory.forValidation().validateWithResult();
            return result.invalidMigrations == null ? List.of()
                    : result.invalidMigrations.stream()
                            .filter(o -> !pendingContract(o))
                            .map(o -> new DriftItem(FlywayTypes.blankToNull(o.version), FlywayTypes.blankToNull(o.filepath),
                                    o.errorDetails == null ? null : String.valueOf(o.errorDetails.errorCode),
                                    o.errorDetails == null ? null : o.errorDetails.errorMessage))
                            .toList();
        } catch (FlywayException e) {
            throw FlywayErrors.translate(e);
        }
    }

    /**
     * The complete state: one Flyway info, one validation, the lock holder, the server version, and,
     * while contract migrations are pending, the connected releases that do not know them yet.
     */
    public SchemaState read() {
        return read(info());
    }

    private SchemaState read(MigrationInfo[] all) {
        List<DriftItem> drift = validate();
        Optional<LockHolder> holder = lock.holder();

        List<Migration> pendingBoth = Arrays.stream(all).filter(SchemaInspector::pendingForThisCode).map(this::migration).toList();
        List<Migration> pending = pendingBoth.stream().filter(m -> m.phase() != Phase.CONTRACT).toList();
        List<Migration> pendingContract = pendingBoth.stream().filter(m -> m.phase() == Phase.CONTRACT)
                .sorted(SchemaState.IN_VERSION_ORDER).toList();
        List<Migration> failed = Arrays.stream(all).filter(i -> i.getState().isFailed()).map(this::migration).toList();
        List<MigrationInfo> applied = Arrays.stream(all).filter(i -> i.getState().isApplied()).toList();
        long future = applied.stream().filter(SchemaInspector::isFuture).count();

        MigrationInfo lastApplied = applied.stream()
                .max(Comparator.comparingInt(MigrationInfo::getInstalledRank)).orElse(null);
        String current = applied.stream().map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse(null);
        String latestKnown = Arrays.stream(all).filter(i -> i.getState().isResolved()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse(null);

        SchemaStatus status = SchemaState.statusOf(holder, failed, drift, pending, (int) future);
        return new SchemaState(status, current, latestKnown, pending, pendingContract, contractBlockers(pendingContract),
                failed, drift, applied.size(), (int) future, lastApplied == null ? null : migration(lastApplied), holder,
                databaseVersion(), Instant.now());
    }

    /** The connected releases that do not know the newest pending contract migration; none when none is pending. */
    public List<ConnectedRelease> contractBlockers(List<Migration> pendingContract) {
        return pendingContract.isEmpty() ? List.of()
                : releases.notKnowing(pendingContract.get(pendingContract.size() - 1).version());
    }

    private Migration migration(MigrationInfo info) {
        return FlywayTypes.migration(info, phase(info));
    }

    private Phase phase(MigrationInfo info) {
        return phases.of(info.getVersion() == null ? null : info.getVersion().getVersion());
    }

    /** A contract migration not applied yet is no finding, even numbered below expand migrations applied since. */
    private boolean pendingContract(ValidateOutput invalid) {
        return invalid.errorDetails != null
                && invalid.errorDetails.errorCode == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED
                && phases.of(FlywayTypes.blankToNull(invalid.version)) == Phase.CONTRACT;
    }

    /** The PostgreSQL server's version, e.g. {@code 15.20}. */
    public String databaseVersion() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private MigrationInfo[] info() {
        try {
            return flywayFactory.flyway().info().all();
        } catch (FlywayException e) {
            throw FlywayErrors.translate(e);
        }
    }

    /**
     * Pending means: this code has the migration and it is not applied. A migration skipped below
     * the current version (IGNORED) is pending too: this code needs it.
     */
    public static boolean pendingForThisCode(MigrationInfo info) {
        MigrationState state = info.getState();
        return state == MigrationState.PENDING || state == MigrationState.IGNORED || state == MigrationState.OUTDATED;
    }

    private static boolean isFuture(MigrationInfo info) {
        MigrationState state = info.getState();
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
    }
}

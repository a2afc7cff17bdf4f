package com.example.service.migration.db;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Migration;
import com.example.service.migration.Phase;

/**
 * The one place that turns Flyway's types into this package's records, and versions into Flyway's.
 * States and types are mapped constant by constant, never by Flyway's names: a Flyway upgrade that
 * adds a constant fails to compile here instead of changing what the admin API and {@code --json} say.
 */
public final class FlywayTypes {

    private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");

    private FlywayTypes() {
    }

    public static Migration migration(MigrationInfo info, Phase phase) {
        return new Migration(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getScript(),
                info.getType() == null ? null : type(info.getType()),
                phase == Phase.CONTRACT && info.getState() == MigrationState.IGNORED
                        // Below expand migrations applied since, as contract migrations are by design.
                        ? Migration.State.PENDING
                        : state(info.getState()),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getExecutionTime(),
                phase);
    }

    /**
     * Whether Flyway runs this resolved migration inside a transaction: false for a script whose
     * {@code .sql.conf} says {@code executeInTransaction=false}, or whose statements Flyway knows
     * cannot run in one ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...). Flyway's public
     * {@link MigrationInfo} does not say; its own implementation, which {@code info()} returns,
     * does. Anything else, or a migration that is not resolved, counts as not transactional: the
     * answer decides whether a group may promise to roll back as a whole.
     */
    public static boolean runsInTransaction(MigrationInfo info) {
        ResolvedMigration resolved = resolved(info);
        return resolved != null && resolved.getExecutor().canExecuteInTransaction();
    }

    /**
     * What runs a resolved migration: Flyway's own executor, which parses the script and runs its
     * statements on the connection it is given, as Flyway's migrate does.
     *
     * @throws IllegalArgumentException when {@code info} is not resolved
     */
    public static MigrationExecutor executor(MigrationInfo info) {
        ResolvedMigration resolved = resolved(info);
        if (resolved == null) {
            throw new IllegalArgumentException(info.getScript() + " is not a migration of this code");
        }
        return resolved.getExecutor();
    }

    private static ResolvedMigration resolved(MigrationInfo info) {
        return info instanceof MigrationInfoImpl impl ? impl.getResolvedMigration() : null;
    }

    /** A migration as repair reports it: no type, state or time, and the script's path. */
    public static Migration migration(RepairOutput output, Phase phase) {
        return new Migration(blankToNull(output.version), output.description, output.filepath, null, null, null, null, phase);
    }

    static Migration.Type type(MigrationType type) {
        if (!(type instanceof CoreMigrationType core)) {
            return Migration.Type.OTHER;
        }
        return switch (core) {
            case SQL -> Migration.Type.SQL;
            case JDBC -> Migration.Type.JDBC;
            case SCRIPT -> Migration.Type.SCRIPT;
            case CUSTOM -> Migration.Type.CUSTOM;
            case BASELINE -> Migration.Type.BASELINE;
            case DELETE -> Migration.Type.DELETE;
            case SCHEMA -> Migration.Type.SCHEMA;
            case UNDO_SCRIPT -> Migration.Type.UNDO_SCRIPT;
        };
    }

    static Migration.State state(MigrationState state) {
        return switch (state) {
            case PENDING -> Migration.State.PENDING;
            case ABOVE_TARGET -> Migration.State.ABOVE_TARGET;
            case BELOW_BASELINE -> Migration.State.BELOW_BASELINE;
            case BASELINE_IGNORED -> Migration.State.BASELINE_IGNORED;
            case BASELINE -> Migration.State.BASELINE;
            case IGNORED -> Migration.State.IGNORED;
            case MISSING_SUCCESS -> Migration.State.MISSING;
            case MISSING_FAILED -> Migration.State.MISSING_FAILED;
            case SUCCESS -> Migration.State.SUCCESS;
            case UNDONE -> Migration.State.UNDONE;
            case AVAILABLE -> Migration.State.AVAILABLE;
            case FAILED -> Migration.State.FAILED;
            case OUT_OF_ORDER -> Migration.State.OUT_OF_ORDER;
            case FUTURE_SUCCESS -> Migration.State.FUTURE;
            case FUTURE_FAILED -> Migration.State.FUTURE_FAILED;
            case OUTDATED -> Migration.State.OUTDATED;
            case SUPERSEDED -> Migration.State.SUPERSEDED;
            case DELETED -> Migration.State.DELETED;
        };
    }

    /**
     * {@code text} as a version.
     *
     * @throws InvalidArgumentException (or what {@code invalid} makes of the message) when it is not
     *                                  digits separated by dots or underscores
     */
    public static MigrationVersion version(String text, Function<String, ? extends InvalidArgumentException> invalid) {
        if (text == null || !VERSION.matcher(text).matches()) {
            throw invalid.apply("'" + text + "' is not a version (digits separated by dots, e.g. 3 or 1.2)");
        }
        return MigrationVersion.fromVersion(text);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

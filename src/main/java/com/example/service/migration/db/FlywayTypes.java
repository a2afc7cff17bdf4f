package com.example.service.migration.db;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Migration;
import com.example.service.migration.Phase;

/** The one place that turns Flyway's types into this package's records, and versions into Flyway's. */
public final class FlywayTypes {

    private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");

    private FlywayTypes() {
    }

    public static Migration migration(MigrationInfo info, Phase phase) {
        return new Migration(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getScript(),
                info.getType() == null ? null : info.getType().name(),
                phase == Phase.CONTRACT && info.getState() == MigrationState.IGNORED
                        // Below expand migrations applied since, as contract migrations are by design.
                        ? MigrationState.PENDING.getDisplayName()
                        : info.getState().getDisplayName(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getExecutionTime(),
                phase.label());
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

package com.example.service.cli;

import java.util.List;

import com.example.service.migration.Migration;
import com.example.service.migration.ReadinessMode;
import com.example.service.migration.state.Drift;
import com.example.service.migration.state.DriftItem;
import com.example.service.migration.state.SchemaState;

/**
 * Whether the schema is current for this code, as {@code db check} and {@code db current} print it.
 *
 * @param current            acceptable under {@code mode}
 * @param mode               strict or compatible
 * @param status             the state in one word
 * @param currentVersion     the highest applied version; null on an empty schema
 * @param latestKnownVersion the highest version this code has
 * @param pending            this code's migrations not applied yet
 * @param failed             migrations recorded as failed
 * @param drift              applied migrations that no longer match their scripts
 * @param futureCount        applied migrations newer than this code
 * @param exitCode           what {@code db check} exits with: 0, 3 (pending) or 4 (failed; drift that would stop an
 *                           upgrade: under strict, or with migrations pending; newer migrations under strict)
 */
record SchemaVerdict(boolean current, String mode, String status, String currentVersion, String latestKnownVersion,
        List<Migration> pending, List<Migration> failed, List<DriftItem> drift, int futureCount, int exitCode) {

    static SchemaVerdict of(SchemaState state, ReadinessMode mode) {
        int code;
        if (state.acceptableUnder(mode)) {
            code = ExitCodes.OK;
        } else if (!state.failed().isEmpty() || Drift.of(state.drift()).blocksUpgrade(mode, state.pending().size())) {
            code = ExitCodes.VALIDATION_FAILED;
        } else if (!state.pending().isEmpty()) {
            code = ExitCodes.PENDING;
        } else {
            code = ExitCodes.VALIDATION_FAILED;
        }
        return new SchemaVerdict(code == ExitCodes.OK, mode.name().toLowerCase(), state.status().name(),
                state.currentVersion(), state.latestKnownVersion(), state.pending(), state.failed(), state.drift(),
                state.futureCount(), code);
    }

    String text() {
        StringBuilder text = new StringBuilder()
                .append(current ? "current" : "NOT current").append(" (").append(mode).append("): version ")
                .append(UpgradeCommand.orNone(currentVersion)).append(", this code's latest ")
                .append(UpgradeCommand.orNone(latestKnownVersion)).append(", status ").append(status);
        if (futureCount > 0) {
            text.append(", ").append(futureCount).append(" migration(s) newer than this code");
        }
        pending.forEach(m -> text.append("\n  pending ").append(m.label()));
        failed.forEach(m -> text.append("\n  failed  ").append(m.label()));
        drift.forEach(d -> text.append("\n  drift   ").append(d.version() == null ? "" : "V" + d.version() + ": ")
                .append(d.message()));
        return text.toString();
    }
}

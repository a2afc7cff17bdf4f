package com.example.service.cli;

import java.util.List;

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
 * @param pending            this code's expand migrations not applied yet
 * @param pendingContract    this code's contract migrations not applied yet; they never make the schema less current
 * @param contractBlockedBy  connected releases whose code does not know the newest pending contract migration
 * @param failed             migrations recorded as failed
 * @param drift              applied migrations that no longer match their scripts
 * @param futureCount        applied migrations newer than this code
 * @param exitCode           what {@code db check} exits with: 0, 3 (pending) or 4 (failed; drift that would stop an
 *                           upgrade: under strict, or with migrations pending; newer migrations under strict)
 */
record SchemaVerdict(boolean current, String mode, String status, String currentVersion, String latestKnownVersion,
        List<MigrationJson> pending, List<MigrationJson> pendingContract, List<ReleaseJson> contractBlockedBy,
        List<MigrationJson> failed, List<DriftItemJson> drift, int futureCount, int exitCode) {

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
                state.currentVersion(), state.latestKnownVersion(), MigrationJson.all(state.pending()),
                MigrationJson.all(state.pendingContract()), ReleaseJson.all(state.contractBlockers()),
                MigrationJson.all(state.failed()), DriftItemJson.all(state.drift()), state.futureCount(), code);
    }

    /** The verdict as text, naming migrations by the labels of {@code state}, the state it was made of. */
    String text(SchemaState state) {
        StringBuilder text = new StringBuilder()
                .append(current ? "current" : "NOT current").append(" (").append(mode).append("): version ")
                .append(UpgradeCommand.orNone(currentVersion)).append(", this code's latest ")
                .append(UpgradeCommand.orNone(latestKnownVersion)).append(", status ").append(status);
        if (futureCount > 0) {
            text.append(", ").append(futureCount).append(" migration(s) newer than this code");
        }
        state.pending().forEach(m -> text.append("\n  pending ").append(m.label()));
        state.pendingContract().forEach(m -> text.append("\n  pending ").append(m.label())
                .append(" (contract, db upgrade --phase contract)"));
        state.contractBlockers().forEach(r -> text.append("\n  contract blocked by ").append(r.describe()));
        state.failed().forEach(m -> text.append("\n  failed  ").append(m.label()));
        drift.forEach(d -> text.append("\n  drift   ").append(d.version() == null ? "" : "V" + d.version() + ": ")
                .append(d.message()));
        return text.toString();
    }
}

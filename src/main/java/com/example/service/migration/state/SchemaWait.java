package com.example.service.migration.state;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.ReadinessMode;
import com.example.service.migration.db.Deadline;

/**
 * Waits until the schema is current for this code, for init containers that let the application
 * start only after a migration job elsewhere has finished. A database that does not answer yet is
 * waited for too, within the same deadline.
 */
@ApplicationScoped
public class SchemaWait {

    private static final Logger LOG = Logger.getLogger(SchemaWait.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final SchemaInspector inspector;

    SchemaWait(SchemaInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * Re-reads the schema state every second until it is acceptable under {@code mode}.
     *
     * @return the state that was acceptable
     * @throws WaitTimedOutException when {@code timeout} runs out first, naming the last state seen
     */
    public SchemaState awaitCurrent(Duration timeout, ReadinessMode mode) {
        Deadline deadline = Deadline.after(timeout);
        String lastReason = null;
        while (true) {
            String reason;
            try {
                SchemaState state = inspector.read();
                if (state.acceptableUnder(mode)) {
                    return state;
                }
                reason = describe(state);
            } catch (DatabaseUnavailableException e) {
                reason = e.getMessage();
            }
            if (!reason.equals(lastReason)) {
                LOG.infof("Waiting for the schema to be current (%s): %s", mode.name().toLowerCase(), reason);
                lastReason = reason;
            }
            if (deadline.passed()) {
                throw new WaitTimedOutException("schema not current (" + mode.name().toLowerCase() + ") within "
                        + timeout.toSeconds() + " s: " + reason);
            }
            deadline.pause(POLL, () -> new WaitTimedOutException("interrupted while waiting for the schema"));
        }
    }

    private static String describe(SchemaState state) {
        return "status " + state.status() + ", version " + (state.currentVersion() == null ? "none" : state.currentVersion())
                + ", this code's latest " + state.latestKnownVersion()
                + (state.pending().isEmpty() ? "" : ", " + state.pending().size() + " pending");
    }
}

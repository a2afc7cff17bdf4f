package com.example.service.migration.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import com.example.service.migration.Migration;

/**
 * Every state and type Flyway has maps to one of ours, whose label is what the admin API and
 * {@code --json} print: the labels below are the contract, whatever Flyway calls them.
 */
class FlywayTypesTest {

    @Test
    void everyFlywayStateBecomesOurStateWithItsDocumentedLabel() {
        Map<MigrationState, String> labels = new LinkedHashMap<>();
        Arrays.stream(MigrationState.values()).forEach(s -> labels.put(s, FlywayTypes.state(s).label()));
        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(MigrationState.PENDING, "Pending"),
                Map.entry(MigrationState.ABOVE_TARGET, "Above Target"),
                Map.entry(MigrationState.BELOW_BASELINE, "Below Baseline"),
                Map.entry(MigrationState.BASELINE_IGNORED, "Ignored (Baseline)"),
                Map.entry(MigrationState.BASELINE, "Baseline"),
                Map.entry(MigrationState.IGNORED, "Ignored"),
                Map.entry(MigrationState.MISSING_SUCCESS, "Missing"),
                Map.entry(MigrationState.MISSING_FAILED, "Failed (Missing)"),
                Map.entry(MigrationState.SUCCESS, "Success"),
                Map.entry(MigrationState.UNDONE, "Undone"),
                Map.entry(MigrationState.AVAILABLE, "Available"),
                Map.entry(MigrationState.FAILED, "Failed"),
                Map.entry(MigrationState.OUT_OF_ORDER, "Out of Order"),
                Map.entry(MigrationState.FUTURE_SUCCESS, "Future"),
                Map.entry(MigrationState.FUTURE_FAILED, "Failed (Future)"),
                Map.entry(MigrationState.OUTDATED, "Outdated"),
                Map.entry(MigrationState.SUPERSEDED, "Superseded"),
                Map.entry(MigrationState.DELETED, "Deleted")));
        assertThat(Arrays.stream(Migration.State.values()).map(Migration.State::label))
                .as("each of our states is some Flyway state's, and no two share a label")
                .containsExactlyInAnyOrderElementsOf(labels.values());
    }

    @Test
    void everyFlywayTypeBecomesOurTypeOfTheSameName() {
        for (CoreMigrationType type : CoreMigrationType.values()) {
            assertThat(FlywayTypes.type(type).name()).isEqualTo(type.name());
        }
    }
}

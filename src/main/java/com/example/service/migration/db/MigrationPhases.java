package com.example.service.migration.db;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.migration.MigrationConfig;
import com.example.service.migration.Phase;

/** Which versions are contract migrations: those found in CONTRACT_LOCATIONS, read once from the scripts. */
@ApplicationScoped
public class MigrationPhases {

    private final Set<String> contract;

    MigrationPhases(MigrationConfig config) {
        this.contract = Set.copyOf(ScriptCatalog.versions(config.contractLocations(),
                Thread.currentThread().getContextClassLoader()));
    }

    /** The phase of {@code version}; expand for anything not in CONTRACT_LOCATIONS (repeatables, baselines). */
    public Phase of(String version) {
        return version != null && contract.contains(version) ? Phase.CONTRACT : Phase.EXPAND;
    }
}

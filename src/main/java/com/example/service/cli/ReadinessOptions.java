package com.example.service.cli;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Option;

import com.example.service.migration.MigrationConfig;
import com.example.service.migration.ReadinessMode;

/** {@code --strict}: which schema counts as current, READINESS_MODE unless asked for exact. */
@Dependent
public class ReadinessOptions {

    @Option(names = "--strict", description = "Judge \"current\" strictly: the latest version this code knows is applied, nothing newer, no checksum drift (default: READINESS_MODE).")
    boolean strict;

    private final MigrationConfig config;

    ReadinessOptions(MigrationConfig config) {
        this.config = config;
    }

    ReadinessMode mode() {
        return strict ? ReadinessMode.STRICT : config.readinessMode();
    }
}

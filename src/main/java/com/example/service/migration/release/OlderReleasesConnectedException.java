package com.example.service.migration.release;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.example.service.migration.MigrationException;

/** The contract phase was refused: instances whose code does not know a contract migration are still connected. */
public class OlderReleasesConnectedException extends MigrationException {

    private final transient List<ConnectedRelease> releases;

    public OlderReleasesConnectedException(String version, List<ConnectedRelease> releases, Duration waited) {
        super("contract migration " + version + " not applied: still connected after " + waited.toSeconds() + " s, "
                + releases.stream().map(ConnectedRelease::describe).collect(Collectors.joining(", "))
                + "; nothing was changed. Wait for the rollout to finish (--wait), or override with --force", null);
        this.releases = List.copyOf(releases);
    }

    public List<ConnectedRelease> releases() {
        return releases;
    }

    @Override
    public boolean refused() {
        return true;
    }
}

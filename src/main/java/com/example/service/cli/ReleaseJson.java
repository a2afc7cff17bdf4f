package com.example.service.cli;

import java.util.List;

import com.example.service.migration.release.ConnectedRelease;

/**
 * A running instance of this service in {@code --json}: one that blocks the contract phase.
 *
 * @param applicationName its connections' {@code application_name}, e.g. {@code example-service/6@pod-a}
 * @param codeVersion     the newest migration its code knows; null when its name does not say
 * @param connections     how many of its connections are open
 */
record ReleaseJson(String applicationName, String codeVersion, int connections) {

    static List<ReleaseJson> all(List<ConnectedRelease> releases) {
        return releases.stream().map(r -> new ReleaseJson(r.applicationName(), r.codeVersion(), r.connections())).toList();
    }
}

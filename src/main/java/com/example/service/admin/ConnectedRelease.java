package com.example.service.admin;

import java.util.List;

/**
 * A running instance of this service as the admin API shows it: one that blocks the contract phase.
 *
 * @param applicationName its connections' {@code application_name}, e.g. {@code example-service/6@pod-a}
 * @param codeVersion     the newest migration its code knows; null when its name does not say
 * @param connections     how many of its connections are open
 */
public record ConnectedRelease(String applicationName, String codeVersion, int connections) {

    static List<ConnectedRelease> all(List<com.example.service.migration.release.ConnectedRelease> releases) {
        return releases.stream().map(r -> new ConnectedRelease(r.applicationName(), r.codeVersion(), r.connections())).toList();
    }
}

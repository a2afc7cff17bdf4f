package com.example.service.migration.release;

/**
 * One running instance of this service as its connections name it.
 *
 * @param applicationName its connections' {@code application_name}, e.g. {@code example-service/6@pod-a}
 * @param codeVersion     the newest migration its code knows; null when its name does not say (a release
 *                        older than this naming, which knows no contract migration)
 * @param connections     how many of its connections are open
 */
public record ConnectedRelease(String applicationName, String codeVersion, int connections) {

    /** One phrase naming it, for log lines and error messages. */
    public String describe() {
        return applicationName + " (knows migrations up to " + (codeVersion == null ? "an unknown version" : codeVersion)
                + ", " + connections + " connection" + (connections == 1 ? "" : "s") + ")";
    }
}

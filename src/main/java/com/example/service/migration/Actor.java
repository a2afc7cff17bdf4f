package com.example.service.migration;

/**
 * Who asked for a schema change, as the entry point knows it; migration/ records it without knowing
 * HTTP or the command line.
 *
 * @param entryPoint where the change came from
 * @param name       the REST user, the OS user of a command, or the pod (host) of a startup migration
 * @param host       the host (pod) the change ran on
 */
public record Actor(EntryPoint entryPoint, String name, String host) {

    /** Where a schema change came from. */
    public enum EntryPoint {
        /** The serving instance's migration at start. */
        STARTUP,
        /** A {@code db} command. */
        CLI,
        /** The admin API. */
        REST;

        /** The lower-case form used in log lines, metric tags and the audit table. */
        public String label() {
            return name().toLowerCase();
        }
    }
}

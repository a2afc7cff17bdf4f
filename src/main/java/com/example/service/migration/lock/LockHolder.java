package com.example.service.migration.lock;

import java.time.Instant;

/**
 * The session that holds the migration lock, from {@code pg_stat_activity}.
 *
 * @param pid             the backend's process id
 * @param applicationName its {@code application_name}: {@code example-service@<host>} for ours
 * @param clientAddress   where it connects from; null for a Unix socket
 * @param since           when that session connected
 */
public record LockHolder(int pid, String applicationName, String clientAddress, Instant since) {

    /** One phrase naming the holder, for log lines and error messages. */
    public String describe() {
        String who = applicationName == null || applicationName.isBlank() ? "an unnamed session" : applicationName;
        return who + " (pid " + pid + (clientAddress == null ? "" : ", from " + clientAddress) + ")";
    }
}

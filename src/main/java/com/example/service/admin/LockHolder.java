package com.example.service.admin;

import java.time.Instant;

/**
 * The session that holds the migration lock, in the status and in a 409.
 *
 * @param pid             the backend's process id
 * @param applicationName its {@code application_name}: {@code example-service@<host>} for ours
 * @param clientAddress   where it connects from; null for a Unix socket
 * @param since           when that session connected
 */
public record LockHolder(int pid, String applicationName, String clientAddress, Instant since) {

    static LockHolder of(com.example.service.migration.lock.LockHolder holder) {
        return new LockHolder(holder.pid(), holder.applicationName(), holder.clientAddress(), holder.since());
    }
}

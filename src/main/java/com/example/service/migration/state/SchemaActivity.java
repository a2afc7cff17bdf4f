package com.example.service.migration.state;

/**
 * CDI event: something that status shows may have changed. Fired after every refresh of the cached
 * schema state, at every step of this process's upgrade and at every phase of its startup
 * migration, so that a live view re-reads the status then instead of polling for it. It carries
 * nothing: observers read the current status themselves and decide whether it changed.
 *
 * @param source what happened, for logs and debugging
 */
public record SchemaActivity(String source) {
}

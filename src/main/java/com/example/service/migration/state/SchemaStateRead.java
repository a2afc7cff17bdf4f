package com.example.service.migration.state;

/**
 * CDI event: an upgrade with nothing to do read the complete state to answer. A serving instance's
 * cache adopts it instead of reading the same state again right after its startup migration.
 *
 * @param state the state read
 */
public record SchemaStateRead(SchemaState state) {
}

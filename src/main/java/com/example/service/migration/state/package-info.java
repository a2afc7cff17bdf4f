/**
 * The schema state as this code sees it (inspector, cached state for probes and status, waiting for
 * the schema to be current) and the event that makes the cache re-read. Imports the root, {@code db},
 * {@code lock} and {@code history}.
 */
package com.example.service.migration.state;


/**
 * The audit of every schema change (a log line and a row in a table of its own) and the events
 * metrics count. Imports the root, {@code db}, {@code lock} and {@code history}.
 */
package com.example.service.migration.audit;

/**
 * The schema history table, read in SQL: pages, the current version, and the cheap fingerprint that
 * tells when anything changed. Imports the root and {@code db}.
 */
package com.example.service.migration.history;

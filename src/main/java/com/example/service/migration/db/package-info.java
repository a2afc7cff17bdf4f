/**
 * The migration datasource, Flyway built from run-time configuration, script reading, the database
 * probe, and the one place that translates Flyway types and errors into ours. Imports only the root.
 */
package com.example.service.migration.db;

/**
 * Changes to the schema history alone: repair, and baseline to adopt a schema that predates the
 * service. Imports the root, {@code db} and {@code history}.
 */
package com.example.service.migration.maintenance;

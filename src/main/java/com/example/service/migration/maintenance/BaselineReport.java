package com.example.service.migration.maintenance;

/**
 * What a baseline recorded.
 *
 * @param version     the version the schema is now taken to be at; this code's migrations up to it never run here
 * @param description the baseline row's description in the schema history
 * @param schema      the schema that was adopted
 */
public record BaselineReport(String version, String description, String schema) {
}

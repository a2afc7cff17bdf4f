package com.example.service.migration.apply;

import java.util.List;

/**
 * What a reset did.
 *
 * @param schemasCleaned schemas emptied of every object
 * @param schemasDropped schemas dropped whole (those Flyway had created)
 * @param upgrade        the migration that followed
 */
public record ResetResult(List<String> schemasCleaned, List<String> schemasDropped, UpgradeResult upgrade) {
}

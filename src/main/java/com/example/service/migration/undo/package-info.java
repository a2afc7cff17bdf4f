/**
 * Downgrade with our own undo scripts ({@code U<version>__….sql}), which Flyway Community lacks.
 * Imports the root, {@code db} and {@code state}.
 */
package com.example.service.migration.undo;

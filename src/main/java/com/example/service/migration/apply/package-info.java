/**
 * Applying migrations: upgrade with progress, reset (clean, then upgrade), and the SQL an upgrade
 * would run. Each change is a {@link com.example.service.migration.SchemaChange} run by
 * {@code change/}. Imports the root, {@code db} and {@code state}.
 */
package com.example.service.migration.apply;


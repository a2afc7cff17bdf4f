/**
 * Schema migrations: the only code that talks to Flyway or the schema history table. This root
 * holds the shared vocabulary every caller sees: configuration, {@link com.example.service.migration.Migration},
 * {@link com.example.service.migration.SchemaChange}, who asked ({@link com.example.service.migration.Actor}),
 * and the exceptions callers map to HTTP statuses and exit codes. Entry points ({@code admin/},
 * {@code cli/}, {@code health/}) use the sub-packages; this root imports none of them.
 */
package com.example.service.migration;

/**
 * Application-wide database plumbing that sits below every capability: the embedded PostgreSQL
 * server a development run uses when no DB_HOST is given ({@link com.example.service.database.EmbeddedServer}),
 * and the rule that decides between it and a configured server
 * ({@link com.example.service.database.DatabaseChoice}). It knows nothing of Flyway, HTTP or picocli.
 */
package com.example.service.database;

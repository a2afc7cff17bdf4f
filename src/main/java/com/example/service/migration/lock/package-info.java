/**
 * The PostgreSQL advisory lock around every schema change, who holds it, and the explanation of a
 * migration that gave up waiting for a table lock. Imports the root and {@code db}.
 */
package com.example.service.migration.lock;

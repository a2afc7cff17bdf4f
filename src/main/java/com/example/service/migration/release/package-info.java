/**
 * Which releases of this service are connected to the database, read from {@code pg_stat_activity}:
 * every connection names the newest migration its code knows in its {@code application_name}, so
 * the contract phase can wait until no running code is older than a contract migration. Imports
 * the root and {@code db}.
 */
package com.example.service.migration.release;

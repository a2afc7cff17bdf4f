package com.example.service.migration.lint;

import javax.sql.DataSource;

/**
 * A PostgreSQL server that {@code db lint} may create and drop databases on, as a role allowed to.
 * Only {@link ScratchDatabase} uses it, so the start-up of an embedded server can be shared.
 */
public interface ScratchServer extends AutoCloseable {

    /** A data source for {@code database} on this server. */
    DataSource database(String database);

    /** The database to connect to when creating or dropping others. */
    String maintenanceDatabase();

    /** Where the server comes from, for output: {@code embedded}, or the variable that names it. */
    String origin();

    /** Stops the server if this process started it; never throws. */
    @Override
    void close();
}

package com.example.service.migration.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.ScriptCatalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * The instances of this service connected to this database, from {@code pg_stat_activity}. Any role
 * may read other roles' {@code application_name} there; only the address and state need
 * {@code pg_read_all_stats}, and this query uses neither.
 */
@ApplicationScoped
public class ConnectedReleases {

    /** {@code example-service/<version>@<host>}; the older form {@code example-service@<host>} names no version. */
    private static final Pattern NAME = Pattern.compile("example-service(?:/([0-9]+(?:[._][0-9]+)*))?@.*");

    private static final String SESSIONS_SQL = """
            SELECT application_name, count(*)
              FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'example-service%'
             GROUP BY application_name
             ORDER BY application_name
            """;

    private final AgroalDataSource dataSource;

    ConnectedReleases(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connected instances whose code does not know {@code version}: their version is below it, or unknown. */
    public List<ConnectedRelease> notKnowing(String version) {
        return connected().stream()
                .filter(r -> r.codeVersion() == null || ScriptCatalog.isAbove(version, r.codeVersion()))
                .toList();
    }

    /** Every connected instance of this service, this one included. */
    public List<ConnectedRelease> connected() {
        List<ConnectedRelease> releases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SESSIONS_SQL);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Matcher name = NAME.matcher(rs.getString(1));
                if (name.matches()) {
                    releases.add(new ConnectedRelease(rs.getString(1), name.group(1) == null ? null
                            : name.group(1).replace('_', '.'), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database not reachable: " + e.getMessage(), e, false);
        }
        return releases;
    }
}

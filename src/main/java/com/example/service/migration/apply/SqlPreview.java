package com.example.service.migration.apply;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

import com.example.service.migration.InvalidTargetException;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.db.FlywayErrors;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.ScriptSource;

/**
 * The SQL that an upgrade would run, in order, without running it: what Flyway Community's dry
 * run lacks. Each script is headed by a comment naming it; nothing is executed or locked.
 */
@ApplicationScoped
public class SqlPreview {

    private final FlywayFactory flywayFactory;
    private final MigrationConfig config;

    SqlPreview(FlywayFactory flywayFactory, MigrationConfig config) {
        this.flywayFactory = flywayFactory;
        this.config = config;
    }

    /**
     * The pending scripts up to {@code target} (null: all), concatenated; empty when none is pending
     * up to it. Throws {@link InvalidTargetException} for a target that upgrade would refuse.
     */
    public String render(String target) {
        MigrationVersion version = Upgrader.parseTarget(target);
        MigrationInfoService plan;
        try {
            plan = flywayFactory.flyway().info();
        } catch (FlywayException e) {
            throw FlywayErrors.translate(e);
        }
        if (version != null) {
            Upgrader.checkTarget(version, plan);
        }
        List<MigrationInfo> pending = Upgrader.pendingUpTo(plan, version);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < pending.size(); i++) {
            MigrationInfo m = pending.get(i);
            String text = ScriptSource.read(config.locations(), m.getScript())
                    .orElseThrow(() -> new IllegalStateException("script " + m.getScript() + " not found in " + config.locations()));
            sql.append("-- [").append(i + 1).append('/').append(pending.size()).append("] ").append(m.getScript())
                    .append(m.getVersion() == null ? " (repeatable)" : " (version " + m.getVersion().getVersion() + ")")
                    .append(": ").append(m.getDescription()).append('\n');
            sql.append(text.strip()).append("\n\n");
        }
        return sql.toString();
    }
}

package com.example.service.migration.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import com.example.service.migration.state.SchemaInspector;

/**
 * The SQL that an upgrade would run, in order, without running it: what Flyway Community's dry
 * run lacks. Each script is headed by a comment naming it; nothing is executed or locked.
 */
@ApplicationScoped
public class SqlPreview {

    private final FlywayFactory flywayFactory;
    private final SchemaInspector inspector;
    private final MigrationConfig config;

    SqlPreview(FlywayFactory flywayFactory, SchemaInspector inspector, MigrationConfig config) {
        this.flywayFactory = flywayFactory;
        this.inspector = inspector;
        this.config = config;
    }

    /**
     * The pending expand scripts up to {@code target} (null: all), concatenated, as {@code db upgrade}
     * would run them; empty when none is pending up to it. Throws {@link InvalidTargetException} for a
     * target that upgrade would refuse.
     */
    public String render(String target) {
        MigrationVersion version = Upgrader.parseTarget(target);
        MigrationInfoService plan;
        try {
            plan = flywayFactory.forExpand().load().info();
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
            sql.append("-- [").append(i + 1).append('/').append(pending.size()).append("] ").append(m.getScript())
                    .append(m.getVersion() == null ? " (repeatable)" : " (version " + m.getVersion().getVersion() + ")")
                    .append(": ").append(m.getDescription()).append('\n');
            sql.append(text(m.getScript()).strip()).append("\n\n");
        }
        return sql.toString();
    }

    /**
     * The text of the pending migration (expand or contract) whose script is named {@code script}, as
     * Flyway reports it; empty when no pending migration has that name (so no other file can be read
     * through it).
     */
    public Optional<String> pendingScript(String script) {
        return inspector.pending().stream().filter(m -> m.script().equals(script)).findFirst()
                .map(m -> text(m.script()));
    }

    private String text(String script) {
        List<String> locations = new ArrayList<>(config.locations());
        locations.addAll(config.contractLocations());
        return ScriptSource.read(locations, script)
                .orElseThrow(() -> new IllegalStateException("script " + script + " not found in " + locations));
    }
}

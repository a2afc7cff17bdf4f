package com.example.service.migration.apply;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.db.ScriptSource;
import com.example.service.migration.state.SchemaInspector;

/**
 * The SQL that an upgrade would run, in order, without running it: what Flyway Community's dry
 * run lacks. Each script is headed by a comment naming it; nothing is executed or locked.
 */
@ApplicationScoped
public class SqlPreview {

    private final SchemaInspector inspector;
    private final MigrationConfig config;

    SqlPreview(SchemaInspector inspector, MigrationConfig config) {
        this.inspector = inspector;
        this.config = config;
    }

    /** The pending scripts up to {@code target} (null: all), concatenated; empty when nothing is pending. */
    public String render(String target) {
        var targetVersion = Upgrader.parseTarget(target);
        List<Migration> pending = inspector.pending().stream()
                .filter(m -> targetVersion == null || m.version() == null
                        || org.flywaydb.core.api.MigrationVersion.fromVersion(m.version()).compareTo(targetVersion) <= 0)
                .toList();
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < pending.size(); i++) {
            Migration m = pending.get(i);
            String text = text(m);
            sql.append("-- [").append(i + 1).append('/').append(pending.size()).append("] ").append(m.script())
                    .append(m.version() == null ? " (repeatable)" : " (version " + m.version() + ")")
                    .append(": ").append(m.description()).append('\n');
            sql.append(text.strip()).append("\n\n");
        }
        return sql.toString();
    }

    /**
     * The text of the pending migration whose script is named {@code script}, as Flyway reports it;
     * empty when no pending migration has that name (so no other file can be read through it).
     */
    public Optional<String> pendingScript(String script) {
        return inspector.pending().stream().filter(m -> m.script().equals(script)).findFirst().map(this::text);
    }

    private String text(Migration m) {
        return ScriptSource.read(config.locations(), m.script())
                .orElseThrow(() -> new IllegalStateException("script " + m.script() + " not found in " + config.locations()));
    }
}

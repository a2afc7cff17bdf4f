package com.example.service.migration.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import com.example.service.migration.MigrationConfig;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Offers {@value #PROPERTY}: the newest migration version this code knows, expand and contract
 * alike, read from the scripts before any connection opens. Every connection carries it in its
 * {@code application_name} ({@code example-service/<version>@<host>}), so that the contract phase
 * sees in {@code pg_stat_activity} which running instances do not know a contract migration yet.
 */
public class CodeVersionConfigSourceFactory implements ConfigSourceFactory {

    public static final String PROPERTY = "example-service.code-version";
    /** What a process without any migration names itself. */
    static final String NONE = "0";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> locations = new ArrayList<>();
        locations.addAll(list(context, "migration.locations", "MIGRATION_LOCATIONS", "classpath:db/migration"));
        locations.addAll(list(context, "migration.contract-locations", "CONTRACT_LOCATIONS", "classpath:db/contract"));
        String version = ScriptCatalog.latest(locations, Thread.currentThread().getContextClassLoader()).orElse(NONE);
        return List.of(new PropertiesConfigSource(Map.of(PROPERTY, version), "CodeVersionConfigSource", 100));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    /**
     * The property as the other sources give it, else its environment variable, else the default:
     * a factory sees only the sources below it, and MigrationConfig's defaults are not among them.
     */
    private static List<String> list(ConfigSourceContext context, String property, String variable, String fallback) {
        ConfigValue value = context.getValue(property);
        if (value == null || value.getValue() == null) {
            value = context.getValue(variable);
        }
        String text = value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package com.example.service.config;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.Converter;

import com.example.service.migration.MigrationConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.logging.LevelConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.Converters;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Checks the typed environment variables of the README's configuration table before Quarkus starts,
 * so that a mistake reads as one line naming the variable, its value and what is allowed, instead of
 * a validation banner about a property the operator never set. The variables and their types are
 * read from the {@code @ConfigMapping} interfaces themselves, and converted as Quarkus converts
 * them; text values (passwords among them) are never checked, so never printed.
 */
public final class ConfigurationCheck {

    private static final List<Class<?>> MAPPINGS = List.of(AppConfig.class, DatabaseConfig.class, MigrationConfig.class);
    /** A variable a default expression reads, e.g. {@code ${READINESS_MODE:compatible}}. */
    private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String DURATION = "a duration such as 30s, 5m or PT1M";

    /** Variables application.properties hands to Quarkus' own settings. */
    private static final List<Setting> QUARKUS_SETTINGS = List.of(
            new Setting("PORT", Integer.class),
            new Setting("SHUTDOWN_TIMEOUT", Duration.class),
            new Setting("LOG_LEVEL", java.util.logging.Level.class));

    private ConfigurationCheck() {
    }

    /** One line per variable of {@code env} whose value its setting cannot take; empty when all are fine. */
    public static List<String> problems(Map<String, String> env) {
        List<Setting> settings = new ArrayList<>(QUARKUS_SETTINGS);
        MAPPINGS.forEach(mapping -> collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), settings));
        List<String> problems = new ArrayList<>();
        for (Setting setting : settings) {
            String value = env.get(setting.variable());
            if (value != null && !accepts(setting.type(), value)) {
                problems.add(setting.variable() + "=" + value + " is not allowed: " + allowed(setting.type()));
            }
        }
        return problems;
    }

    /** A variable and the type its value converts to. */
    private record Setting(String variable, Class<?> type) {
    }

    private static void collect(Class<?> mapping, String prefix, List<Setting> settings) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || method.isSynthetic()) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String property = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            // Text, lists, paths, booleans (any text converts) and nested groups (text only) cannot be mistyped.
            if (!(type.isEnum() || type == int.class || type == Duration.class)) {
                continue;
            }
            settings.add(new Setting(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), type));
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            Matcher expression = fallback == null ? null : EXPRESSION.matcher(fallback.value());
            if (expression != null && expression.find()) {
                settings.add(new Setting(expression.group(1), type));
            }
        }
    }

    private static boolean accepts(Class<?> type, String value) {
        try {
            converter(type).convert(value.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Converter<?> converter(Class<?> type) {
        if (type == Duration.class) {
            return new DurationConverter();
        }
        if (type == java.util.logging.Level.class) {
            return new LevelConverter();
        }
        return Converters.getImplicitConverter(type == int.class ? Integer.class : type);
    }

    private static String allowed(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return DURATION;
        }
        if (type == java.util.logging.Level.class) {
            return "a log level: TRACE, DEBUG, INFO, WARN or ERROR";
        }
        return "a whole number";
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

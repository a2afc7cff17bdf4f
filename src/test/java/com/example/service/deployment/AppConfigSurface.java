package com.example.service.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.service.config.AppConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What the application really reads, taken from its own configuration sources rather than from a
 * list kept beside them: environment variables named in application.properties expressions or
 * mapped onto its {@code @ConfigMapping} interfaces, and the HTTP port a given environment gives.
 */
final class AppConfigSurface {

    private static final String APPLICATION_PACKAGE = "com.example.service";
    static final Path APPLICATION_PROPERTIES = DeploymentFiles.ROOT.resolve("src/main/resources/application.properties");
    private static final Path README = DeploymentFiles.ROOT.resolve("README.md");
    /** An environment variable in a property expression: {@code ${PORT:8080}}. */
    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern README_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private AppConfigSurface() {
    }

    /** Every environment variable the application reads. */
    static Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>(expressionVariables(DeploymentFiles.read(APPLICATION_PROPERTIES)));
        for (Class<?> mapping : configMappings()) {
            ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
            addMembers(names, annotation.prefix(), mapping, annotation.namingStrategy());
        }
        return names;
    }

    /** The variables of the README's configuration table. */
    static Set<String> readmeVariables() {
        String readme = DeploymentFiles.read(README);
        int start = readme.indexOf("\n## Configuration");
        if (start < 0) {
            throw new AssertionError("README.md has no Configuration section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        readme.substring(start, end < 0 ? readme.length() : end).lines().filter(l -> l.startsWith("| `"))
                .map(l -> l.split("\\|")[1]).forEach(cell -> {
                    Matcher m = README_VARIABLE.matcher(cell);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
        return names;
    }

    /** The port the packaged service listens on with this environment (prod profile, as in the image). */
    static int httpPort(Map<String, String> env) {
        return config(env).getValue("quarkus.http.port", Integer.class);
    }

    /** application.properties under the prod profile (as in the image), with {@code env} as the environment. */
    private static SmallRyeConfig config(Map<String, String> env) {
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod")
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withSources(new PropertiesConfigSource(APPLICATION_PROPERTIES.toUri().toURL(), 250),
                            new EnvConfigSource(env, 300))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the packaged service gives requests in flight, then a running migration, on SIGTERM. */
    static Duration shutdownTimeout(Map<String, String> env) {
        return config(env).getValue("quarkus.shutdown.timeout", Duration.class);
    }

    private static Set<String> expressionVariables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = EXPRESSION_VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Members become properties (prefix.member-name) that SmallRye maps from PREFIX_MEMBER_NAME. */
    private static void addMembers(Set<String> names, String prefix, Class<?> type, ConfigMapping.NamingStrategy naming) {
        for (Method member : type.getMethods()) {
            if (member.isDefault() || Modifier.isStatic(member.getModifiers()) || member.getParameterCount() > 0) {
                continue;
            }
            WithName withName = member.getAnnotation(WithName.class);
            String property = prefix + "." + (withName != null ? withName.value() : name(member.getName(), naming));
            names.add(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            WithDefault withDefault = member.getAnnotation(WithDefault.class);
            if (withDefault != null) {
                names.addAll(expressionVariables(withDefault.value()));
            }
            Class<?> returned = member.getReturnType();
            if (returned.isInterface() && returned.getPackageName().startsWith(APPLICATION_PACKAGE)) {
                addMembers(names, property, returned, naming);
            }
        }
    }

    private static String name(String method, ConfigMapping.NamingStrategy naming) {
        return naming == ConfigMapping.NamingStrategy.VERBATIM ? method
                : method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The {@code @ConfigMapping} interfaces among the application's compiled classes. */
    private static Set<Class<?>> configMappings() {
        try {
            Path classes = Path.of(AppConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<Class<?>> mappings = new LinkedHashSet<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                    Class<?> type = Class.forName(name, false, AppConfig.class.getClassLoader());
                    if (type.isInterface() && type.isAnnotationPresent(ConfigMapping.class)) {
                        mappings.add(type);
                    }
                }
            }
            if (mappings.isEmpty()) {
                throw new AssertionError("no @ConfigMapping interface found in " + classes);
            }
            return mappings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

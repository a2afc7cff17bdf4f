package com.example.service.migration.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

/**
 * The versions of the versioned scripts in Flyway-style locations, read from the files alone,
 * without a database: what this code knows before it connects anywhere (its connections name it),
 * and which versions are contract migrations.
 */
public final class ScriptCatalog {

    /** Flyway's default naming of a versioned SQL migration; group 1 is the version. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private ScriptCatalog() {
    }

    /** Every version found in {@code locations}, in Flyway's order, as Flyway spells them (dots). */
    public static List<String> versions(List<String> locations, ClassLoader classLoader) {
        TreeSet<MigrationVersion> versions = new TreeSet<>();
        for (String location : locations) {
            for (String name : fileNames(location.strip(), classLoader)) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    versions.add(MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
                }
            }
        }
        return versions.stream().map(MigrationVersion::getVersion).toList();
    }

    /** The highest version in {@code locations}, if any. */
    public static Optional<String> latest(List<String> locations, ClassLoader classLoader) {
        List<String> all = versions(locations, classLoader);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Whether {@code a} is above {@code b} in Flyway's order. */
    public static boolean isAbove(String a, String b) {
        return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)) > 0;
    }

    private static List<String> fileNames(String location, ClassLoader classLoader) {
        if (location.startsWith(FILESYSTEM)) {
            return directory(Path.of(location.substring(FILESYSTEM.length())));
        }
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        path = path.replaceAll("^/+|/+$", "");
        try {
            TreeSet<String> names = new TreeSet<>();
            for (URL url : Collections.list(classLoader.getResources(path))) {
                names.addAll("jar".equals(url.getProtocol()) ? jarDirectory(url) : directory(Path.of(url.toURI())));
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot list " + location + ": " + e.getMessage(), e);
        }
    }

    /** File names below {@code dir}, subfolders included as Flyway scans them; none when it does not exist. */
    private static List<String> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<String> jarDirectory(URL url) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        String prefix = connection.getEntryName() == null ? "" : connection.getEntryName().replaceAll("/*$", "/");
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(prefix) && !name.endsWith("/"))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .toList();
        }
    }
}

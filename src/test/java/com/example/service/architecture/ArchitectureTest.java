package com.example.service.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md draws, read from the sources: imports between packages run one
 * way, Flyway stays inside migration/, every migration package says what it is for, and no class
 * grows past what a reader takes in at once.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String BASE = "com.example.service";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(" + Pattern.quote(BASE) + "[\\w.]*);",
            Pattern.MULTILINE);

    @Test
    void importsBetweenPackagesFormNoCycle() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKey(BASE + ".migration.change");
        assertThat(cycles(graph)).as("package cycles").isEmpty();
    }

    @Test
    void everyFileDeclaresThePackageOfItsFolder() {
        assertThat(sources().entrySet().stream()
                .filter(e -> !MAIN.relativize(e.getKey().getParent()).toString().replace('/', '.').equals(packageOf(e.getValue())))
                .map(Map.Entry::getKey)
                .toList()).isEmpty();
    }

    @Test
    void flywayIsImportedOnlyInsideMigration() {
        assertThat(sources().entrySet().stream()
                .filter(e -> e.getValue().contains("import org.flywaydb"))
                .map(e -> packageOf(e.getValue()))
                .filter(p -> !p.startsWith(BASE + ".migration"))
                .toList()).isEmpty();
    }

    @Test
    void theDomainNeverImportsMigration() {
        assertThat(sources().values().stream()
                .filter(s -> packageOf(s).startsWith(BASE + ".item"))
                .filter(s -> s.contains("import " + BASE + ".migration"))
                .toList()).isEmpty();
    }

    @Test
    void everyMigrationPackageSaysWhatItIsFor() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN.resolve("com/example/service/migration"))) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void migrationRootHoldsOnlyTheSharedVocabulary() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("com/example/service/migration"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isLessThanOrEqualTo(15);
        }
    }

    @Test
    void noMainClassIsOver300Lines() {
        Map<Path, Long> tooLong = new TreeMap<>();
        sources().forEach((path, text) -> {
            long lines = text.lines().count();
            if (lines > 300) {
                tooLong.put(path, lines);
            }
        });
        assertThat(tooLong).isEmpty();
    }

    private static Map<Path, String> sources() {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** Package to the packages it imports from: an import's package is its leading lower-case segments. */
    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String source : sources().values()) {
            String from = packageOf(source);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                List<String> segments = new ArrayList<>();
                for (String segment : m.group(1).split("\\.")) {
                    if (Character.isUpperCase(segment.charAt(0))) {
                        break;
                    }
                    segments.add(segment);
                }
                String target = String.join(".", segments);
                if (!target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}

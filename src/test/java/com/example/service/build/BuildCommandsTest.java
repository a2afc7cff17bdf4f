package com.example.service.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build commands people and CI copy: every one runs the pinned Maven through {@code ./mvnw}, and
 * the documentation's builds clean first, because Maven never removes from {@code target/classes} a
 * migration deleted from {@code src/}, and the jar would still ship it.
 */
class BuildCommandsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** {@code mvn} run as a command: at a line's start, after ;, |, &&, ( or $(, or opening a code span. */
    private static final Pattern PLAIN_MVN = Pattern.compile("(^|[;|&(`]\\s*|\\$\\()mvn\\s");
    private static final Pattern WRAPPER_BUILD = Pattern.compile("\\./mvnw[^`\\n]*");

    @Test
    void documentationCiAndBenchmarksRunMavenThroughTheWrapper() {
        List<String> plain = new ArrayList<>();
        for (Path file : files()) {
            read(file).lines().map(String::strip).filter(line -> !line.startsWith("#"))
                    .filter(line -> PLAIN_MVN.matcher(line).find())
                    .forEach(line -> plain.add(ROOT.relativize(file) + ": " + line));
        }
        assertThat(plain).isEmpty();
    }

    @Test
    void theDocumentedBuildsCleanFirst() {
        List<String> unclean = new ArrayList<>();
        for (Path file : documentation()) {
            Matcher m = WRAPPER_BUILD.matcher(read(file));
            while (m.find()) {
                String command = m.group();
                if (command.matches(".*\\b(package|verify|install)\\b.*") && !command.matches("\\./mvnw( -\\S+)* clean .*")) {
                    unclean.add(ROOT.relativize(file) + ": " + command);
                }
            }
        }
        assertThat(unclean).isEmpty();
        assertThat(read(ROOT.resolve("README.md"))).contains("./mvnw clean package -DskipTests && java -jar target/quarkus-app/quarkus-run.jar\n",
                "./mvnw clean verify\n");
    }

    private static List<Path> files() {
        List<Path> files = new ArrayList<>(documentation());
        files.add(ROOT.resolve(".ci/run"));
        try (Stream<Path> bench = Files.list(ROOT.resolve("bench"))) {
            bench.filter(f -> f.toString().endsWith(".sh") || f.getFileName().toString().equals("run")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<Path> documentation() {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> md = Files.walk(docs)) {
                md.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

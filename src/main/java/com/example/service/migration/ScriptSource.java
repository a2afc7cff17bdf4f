package com.example.service.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a script's text from Flyway-style locations ({@code classpath:…}, {@code filesystem:…}). */
public final class ScriptSource {

    private ScriptSource() {
    }

    /**
     * The text of {@code script} (a path relative to one of {@code locations}, as Flyway reports it),
     * from the first location that has it.
     */
    public static Optional<String> read(List<String> locations, String script) {
        for (String location : locations) {
            Optional<String> text = location.startsWith("filesystem:")
                    ? readFile(Path.of(location.substring("filesystem:".length())).resolve(script))
                    : readResource(strip(location) + "/" + script);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static String strip(String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static Optional<String> readFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<String> readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

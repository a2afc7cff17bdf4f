package com.example.service.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code <NAME>_FILE} variables for every {@code *_PASSWORD} variable: a Kubernetes or Docker
 * secret mounted as a file stands in for the variable itself, minus the file's trailing newline.
 */
public final class SecretFiles {

    static final String SUFFIX = "_FILE";

    private SecretFiles() {
    }

    /**
     * The password variables that {@code env} supplies through files, by their plain names.
     *
     * @throws IllegalArgumentException when both NAME and NAME_FILE are set, or the file cannot be read
     */
    public static Map<String, String> resolve(Map<String, String> env) {
        Map<String, String> secrets = new TreeMap<>();
        env.forEach((key, file) -> {
            if (!key.endsWith("_PASSWORD" + SUFFIX)) {
                return;
            }
            String name = key.substring(0, key.length() - SUFFIX.length());
            if (env.containsKey(name)) {
                throw new IllegalArgumentException("both " + name + " and " + key + " are set; set only one of them");
            }
            secrets.put(name, read(key, Path.of(file)));
        });
        return secrets;
    }

    private static String read(String variable, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // Editors and `echo` end files with a newline that is not part of the secret.
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(variable + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}

package com.example.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A public JSON contract pinned as a file under {@code src/test/resources/golden/}: field names,
 * their order, nesting, nulls and every stable value. What differs from run to run or machine to
 * machine is masked, keeping its kind and its null: values of the keys below ({@code <number>},
 * {@code <text>}), any instant ({@code <instant>}), the folder of an absolute path, and process ids
 * and client addresses inside messages. With the environment variable {@code UPDATE_GOLDEN=true} a
 * run writes the files instead of comparing: review the diff.
 */
public final class JsonGolden {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> VOLATILE = Set.of(
            "installedOn", "checkedAt", "since", "at", "createdAt", "updatedAt",
            "executionTimeMs", "totalTimeMs", "durationMs", "waitedMs",
            "pid", "databaseVersion", "serverVersion", "applicationName", "clientAddress", "installedBy", "actor", "host",
            "jdbcUrl", "url", "user", "migrationFile", "undoFile", "detail");
    private static final Pattern PID = Pattern.compile("pid \\d+");
    private static final Pattern ADDRESS = Pattern.compile("from [0-9a-f.:]+\\)");
    private static final boolean UPDATE = Boolean.parseBoolean(System.getenv("UPDATE_GOLDEN"));

    private JsonGolden() {
    }

    /** Checks {@code json} against {@code golden/<name>.json}, softly, so that one run lists every contract that moved. */
    public static void check(SoftAssertions softly, String name, String json) {
        String actual = masked(json);
        Path file = DIR.resolve(name + ".json");
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                softly.fail("no golden file " + file + " (run with UPDATE_GOLDEN=true to write it); the document is:\n" + actual);
                return;
            }
            softly.assertThat(actual).as("JSON contract " + name + " (" + file + ")").isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} pretty-printed with the volatile values masked. */
    static String masked(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            mask(tree);
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new AssertionError("not one JSON document: " + json, e);
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (isInstant(value)) {
                    field.setValue(TextNode.valueOf("<instant>"));
                } else if (VOLATILE.contains(field.getKey()) && value.isValueNode()) {
                    field.setValue(TextNode.valueOf(value.isNumber() ? "<number>" : "<text>"));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(maskText(value.asText())));
                } else {
                    mask(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(JsonGolden::mask);
        }
    }

    private static String maskText(String text) {
        String masked = text.startsWith("/") ? "<folder>" + text.substring(text.lastIndexOf('/')) : text;
        masked = PID.matcher(masked).replaceAll("pid <pid>");
        return ADDRESS.matcher(masked).replaceAll("from <address>)");
    }

    private static boolean isInstant(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            Instant.parse(value.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

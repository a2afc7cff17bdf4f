package com.example.service.migration.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.scanner.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeScriptsTest {

    private static final String[] SQL = { ".sql" };

    @TempDir
    Path dir;

    private FluentConfiguration configuration() {
        return Flyway.configure().locations("filesystem:" + dir);
    }

    @Test
    void findsWhatFlywaysScannerFindsUnderTheSameNames() throws IOException {
        write("V1__one.sql", "SELECT 1;\n");
        Files.createDirectories(dir.resolve("sub"));
        write("sub/V2__two.sql", "SELECT 2;\n");
        write("R__view.sql", "SELECT 3;\n");
        FluentConfiguration configuration = configuration();
        WholeScripts scripts = new WholeScripts(configuration);

        List<String> ours = scripts.getResources("V", SQL).stream()
                .map(LoadableResource::getRelativePath).sorted().toList();

        List<String> flyways = flywaysScanner(configuration).getResources("V", SQL).stream().map(LoadableResource::getRelativePath).sorted().toList();
        assertThat(ours).containsExactly("V1__one.sql", "sub/V2__two.sql").isEqualTo(flyways);
        assertThat(scripts.getResource("R__view.sql").getFilename()).isEqualTo("R__view.sql");
        assertThat(scripts.getResource("V9__absent.sql")).isNull();
    }

    @Test
    void aScriptReadsAsTheSameTextWithTheSameChecksumAsFlywayReadsIt() throws IOException {
        // A byte-order mark, CRLF line ends, no newline at the end and a character beyond ASCII.
        write("V1__tricky.sql", "\uFEFFCREATE TABLE t (x text);\r\nINSERT INTO t VALUES ('é');");
        FluentConfiguration configuration = configuration();
        LoadableResource ours = single(new WholeScripts(configuration));
        LoadableResource flyways = single(flywaysScanner(configuration));

        assertThat(text(ours.read())).isEqualTo(text(flyways.read()));
        assertThat(ChecksumCalculator.calculate(ours)).isEqualTo(ChecksumCalculator.calculate(flyways));
    }

    @Test
    void aReadTakesTheWholeScriptAtOnceAndLeavesNothingOpenOnDisk() throws IOException {
        // Flyway's own reader goes back to the file at every read, so it would see the file emptied
        // below; one read whole at read() has the text already, and never asks the disk again.
        write("V1__one.sql", "SELECT 1;\n");
        LoadableResource script = single(new WholeScripts(configuration()));

        Reader reader = script.read();
        Files.writeString(dir.resolve("V1__one.sql"), "");

        assertThat(text(reader)).isEqualTo("SELECT 1;\n");
        assertThat(reader.read()).isEqualTo(-1);
        assertThat(text(script.read())).as("the next read reads the file again").isEmpty();
    }

    /** Flyway's own scanner, as Flyway builds it for a command: what WholeScripts must match. */
    private static Scanner<JavaMigration> flywaysScanner(FluentConfiguration configuration) {
        return new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
    }

    private static LoadableResource single(ResourceProvider provider) {
        return provider.getResources("V", SQL).iterator().next();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String text(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }
}

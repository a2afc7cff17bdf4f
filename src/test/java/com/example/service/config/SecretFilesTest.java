package com.example.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsEveryPasswordFileWithoutItsTrailingNewline() throws IOException {
        Map<String, String> secrets = SecretFiles.resolve(Map.of(
                "DB_PASSWORD_FILE", file("db", "s3cret\n").toString(),
                "ADMIN_PASSWORD_FILE", file("admin", "with spaces  \r\n").toString(),
                "VIEWER_PASSWORD_FILE", file("viewer", "no-newline").toString(),
                "PATH", "/usr/bin"));
        assertThat(secrets).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DB_PASSWORD", "s3cret", "ADMIN_PASSWORD", "with spaces  ", "VIEWER_PASSWORD", "no-newline"));
    }

    @Test
    void onlyOneTrailingNewlineIsDropped() throws IOException {
        assertThat(SecretFiles.resolve(Map.of("DB_PASSWORD_FILE", file("db", "a\n\n").toString())))
                .containsEntry("DB_PASSWORD", "a\n");
    }

    @Test
    void bothTheVariableAndItsFileIsAnError() throws IOException {
        Map<String, String> env = Map.of("DB_PASSWORD", "x", "DB_PASSWORD_FILE", file("db", "y").toString());
        assertThatThrownBy(() -> SecretFiles.resolve(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("both DB_PASSWORD and DB_PASSWORD_FILE are set; set only one of them");
    }

    @Test
    void anUnreadableFileIsAnErrorThatNamesTheVariableAndNotTheContent() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SecretFiles.resolve(Map.of("DB_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_PASSWORD_FILE")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void variablesOtherThanPasswordsAreNotReadFromFiles() throws IOException {
        assertThat(SecretFiles.resolve(Map.of("DB_USER_FILE", file("user", "root").toString()))).isEmpty();
    }
}

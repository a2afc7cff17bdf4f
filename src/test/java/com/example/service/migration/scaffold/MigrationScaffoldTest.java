package com.example.service.migration.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.migration.Phase;

/** {@code db migrate -m}: expand and contract migrations share one version sequence. */
class MigrationScaffoldTest {

    @TempDir
    Path project;

    @Test
    void aContractMigrationGoesToTheContractFolderNumberedAfterBothFolders() throws IOException {
        Path migration = Files.createDirectories(project.resolve("db/migration"));
        Path contract = project.resolve("db/contract");
        Path undo = project.resolve("db/undo");
        Files.writeString(migration.resolve("V4__add_summary.sql"), "");

        NewMigration drop = new MigrationScaffold().create(migration, contract, undo, "drop description", Phase.CONTRACT);
        assertThat(drop.version()).isEqualTo("5");
        assertThat(contract.resolve("V5__drop_description.sql")).exists();
        assertThat(migration.resolve("V5__drop_description.sql")).doesNotExist();
        assertThat(undo.resolve("U5__drop_description.sql")).exists();

        NewMigration next = new MigrationScaffold().create(migration, contract, undo, "add tags", Phase.EXPAND);
        assertThat(next.version()).as("after the contract migration too").isEqualTo("6");
        assertThat(migration.resolve("V6__add_tags.sql")).exists();
    }
}

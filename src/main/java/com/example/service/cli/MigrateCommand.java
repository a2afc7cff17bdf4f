package com.example.service.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.Phase;
import com.example.service.migration.scaffold.MigrationScaffold;
import com.example.service.migration.scaffold.NewMigration;

@Dependent
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create the next migration script V<n>__<slug>.sql (n: one above the highest version's first part, "
                + "expand and contract alike) and its undo script U<n>__<slug>.sql, comments only: downgrade refuses it "
                + "until it holds a statement. A developer's command; the database is not touched.")
public class MigrateCommand implements Callable<Integer> {

    @Option(names = { "-m", "--message" }, required = true, paramLabel = "DESCRIPTION",
            description = "What the migration does, e.g. \"add item price\"; becomes the file name's slug.")
    String description;

    @Option(names = "--dir", paramLabel = "D", defaultValue = "src/main/resources/db/migration",
            description = "Folder of the migration scripts (default: ${DEFAULT-VALUE}, from the current directory).")
    Path dir;

    @Option(names = "--undo-dir", paramLabel = "D",
            description = "Folder of the undo scripts (default: the folder 'undo' beside --dir).")
    Path undoDir;

    @Option(names = "--contract",
            description = "Create a contract (post-deploy) migration, in the folder 'contract' beside --dir: drops, the "
                    + "second half of a rename, SET NOT NULL after a backfill; db upgrade --phase contract applies it.")
    boolean contract;

    @Mixin
    OutputOptions output;

    private final MigrationScaffold scaffold;

    MigrateCommand(MigrationScaffold scaffold) {
        this.scaffold = scaffold;
    }

    @Override
    public Integer call() {
        Path undo = undoDir != null ? undoDir : dir.toAbsolutePath().resolveSibling("undo");
        Path contractDir = dir.toAbsolutePath().resolveSibling("contract");
        output.print(Created.of(scaffold.create(dir, contractDir, undo, description, contract ? Phase.CONTRACT : Phase.EXPAND)),
                m -> "Created " + m.migrationFile() + "\nCreated " + m.undoFile() + " (comments only: downgrade refuses it until you write the undo)");
        return ExitCodes.OK;
    }

    /**
     * @param version       the new version
     * @param migrationFile the migration script, {@code V<version>__<slug>.sql}
     * @param undoFile      its empty undo script, {@code U<version>__<slug>.sql}
     */
    record Created(String version, String migrationFile, String undoFile) {

        static Created of(NewMigration created) {
            return new Created(created.version(), created.migrationFile(), created.undoFile());
        }
    }
}

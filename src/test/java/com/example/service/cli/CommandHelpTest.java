package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import com.example.service.testing.IsolatedDatabase;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every db command and every one of its options explains itself in --help. */
@QuarkusTest
@WithTestResource(IsolatedDatabase.class)
class CommandHelpTest {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    @TopCommand
    ExampleServiceCommand top;

    @Test
    void everyDbCommandAndOptionHasADescriptionAndHelpPrintsThem() {
        CommandLine root = new CommandLine(top, factory);
        CommandLine db = root.getSubcommands().get("db");
        assertThat(db.getSubcommands().keySet()).containsExactly("upgrade", "check", "current", "pending", "history",
                "info", "init", "wait", "validate", "sql", "migrate", "downgrade", "reset", "repair", "baseline", "lint");
        for (CommandLine command : db.getSubcommands().values()) {
            String name = command.getCommandName();
            assertThat(String.join(" ", command.getCommandSpec().usageMessage().description())).as(name).isNotBlank();
            StringWriter help = new StringWriter();
            StringWriter err = new StringWriter();
            root.setOut(new PrintWriter(help)).setErr(new PrintWriter(err));
            assertThat(root.execute("db", name, "--help")).as(name + ": " + err).isZero();
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(String.join(" ", option.description())).as(name + " " + option.longestName()).isNotBlank();
                assertThat(help.toString()).as(name + " --help").contains(option.longestName());
            }
        }
    }

    @Test
    void commandsThatPrintDataTakeJsonAndThoseThatJudgeCurrencyTakeStrict() {
        CommandLine db = new CommandLine(top, factory).getSubcommands().get("db");
        for (CommandLine command : db.getSubcommands().values()) {
            assertThat(command.getCommandSpec().findOption("--json")).as(command.getCommandName()).isNotNull();
        }
        for (String judging : new String[] { "check", "current", "wait" }) {
            assertThat(db.getSubcommands().get(judging).getCommandSpec().findOption("--strict")).as(judging).isNotNull();
        }
    }
}

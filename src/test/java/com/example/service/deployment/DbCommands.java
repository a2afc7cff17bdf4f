package com.example.service.deployment;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;
import sun.reflect.ReflectionFactory;

import com.example.service.cli.ExampleServiceCommand;

/**
 * The {@code db} subcommands a deployment file may run, each with the options it accepts: read
 * from the jar's picocli command tree, which is built from the annotations alone.
 */
final class DbCommands {

    /**
     * Commands take their collaborators through CDI constructors that cannot run here; picocli
     * only needs objects to hold the annotated fields, so those are made without running any
     * constructor. Nothing is ever executed on them.
     */
    private static final CommandLine.IFactory MODEL_ONLY = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return CommandLine.defaultFactory().create(type);
            } catch (Exception noDefaultConstructor) {
                Constructor<?> bare = ReflectionFactory.getReflectionFactory()
                        .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
                return type.cast(bare.newInstance());
            }
        }
    };

    private DbCommands() {
    }

    /** Subcommand name (and alias) to the option names it accepts. */
    static Map<String, Set<String>> available() {
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        db().getSubcommands().forEach((name, command) -> commands.put(name, command.getCommandSpec().optionsMap().keySet()));
        return commands;
    }

    /** The exit codes {@code db --help} lists, each with its meaning. */
    static Map<String, String> exitCodes() {
        return db().getCommandSpec().usageMessage().exitCodeList();
    }

    private static CommandLine db() {
        return new CommandLine(ExampleServiceCommand.class, MODEL_ONLY).getSubcommands().get("db");
    }
}

package com.example.service.migration.lint;

import java.util.List;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.db.ScriptSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checked-in file of findings accepted without touching their scripts (a shipped migration's
 * checksum is recorded in every database that applied it), each keyed by version and rule (a
 * repeatable migration by its script), with the reason; an entry that also names the script matches
 * only that script:
 *
 * <pre>
 * {"accepted": [{"version": "2", "script": "V2__add_x.sql", "rule": "whole-table-update", "reason": "…"}]}
 * </pre>
 */
final class AcceptedFindings {

    static final String DEFAULT_LOCATION = "classpath:db/lint-accepted.json";

    private final List<Entry> entries;
    private final String location;

    private AcceptedFindings(List<Entry> entries, String location) {
        this.entries = entries;
        this.location = location;
    }

    /**
     * @param version the migration's version, as in its file name ({@code 1_10} and {@code 1.10} are the same);
     *                none for a repeatable migration
     * @param script  the script's name: required for a repeatable migration, optional beside a version
     * @param rule    the rule id
     * @param reason  why the finding is accepted; required
     */
    record Entry(String version, String script, String rule, String reason) {
    }

    record File(List<Entry> accepted) {
    }

    /**
     * Reads the file at {@code configured} (LINT_ACCEPTED), or at the default location if this code has
     * one there.
     *
     * @throws InvalidArgumentException when a configured file is missing, or the file is not valid
     */
    static AcceptedFindings load(Optional<String> configured, ObjectMapper mapper) {
        String location = configured.orElse(DEFAULT_LOCATION);
        int slash = location.lastIndexOf('/');
        String folder = slash < 0 ? "classpath:" : location.substring(0, slash);
        String name = location.substring(slash + 1);
        Optional<String> text = ScriptSource.read(List.of(folder), name);
        if (text.isEmpty()) {
            if (configured.isPresent()) {
                throw new InvalidArgumentException("LINT_ACCEPTED names " + location + ", which does not exist");
            }
            return new AcceptedFindings(List.of(), location);
        }
        File file;
        try {
            file = mapper.readValue(text.get(), File.class);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("accepted findings " + location + " is not valid: " + e.getOriginalMessage());
        }
        List<Entry> entries = file.accepted() == null ? List.of() : file.accepted();
        for (int i = 0; i < entries.size(); i++) {
            String problem = problem(entries.get(i));
            if (problem != null) {
                throw new InvalidArgumentException("accepted findings " + location + ", entry " + (i + 1) + ": " + problem);
            }
        }
        return new AcceptedFindings(entries, location);
    }

    /** The reason this file gives for accepting {@code finding}, if it does. */
    Optional<String> reasonFor(LintFinding finding) {
        return entries.stream().filter(e -> e.rule().equals(finding.rule()) && sameMigration(e, finding))
                .map(Entry::reason).findFirst();
    }

    String location() {
        return location;
    }

    private static boolean sameMigration(Entry entry, LintFinding finding) {
        if (entry.script() != null && !entry.script().equals(finding.script())) {
            return false;
        }
        return entry.version() == null ? finding.version() == null : finding.version() != null
                && MigrationVersion.fromVersion(entry.version()).compareTo(MigrationVersion.fromVersion(finding.version())) == 0;
    }

    private static String problem(Entry entry) {
        if (entry.rule() == null || LintRule.byId(entry.rule()).filter(LintRule::configurable).isEmpty()) {
            return "'rule' must be one of the rule ids of db lint, not " + entry.rule();
        }
        if (entry.version() == null && entry.script() == null) {
            return "give 'version' or, for a repeatable migration, 'script'";
        }
        if (entry.reason() == null || entry.reason().isBlank()) {
            return "'reason' is required: say why the finding is accepted";
        }
        try {
            if (entry.version() != null) {
                MigrationVersion.fromVersion(entry.version());
            }
        } catch (FlywayException e) {
            return "'version' " + entry.version() + " is not a version";
        }
        return null;
    }
}

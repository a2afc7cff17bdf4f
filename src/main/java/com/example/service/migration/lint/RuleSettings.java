package com.example.service.migration.lint;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.service.migration.InvalidArgumentException;

/** Which rules LINT_EXCLUDE leaves out and LINT_WARN downgrades; every other rule reports errors. */
final class RuleSettings {

    private final Set<LintRule> excluded;
    private final Set<LintRule> warnings;

    private RuleSettings(Set<LintRule> excluded, Set<LintRule> warnings) {
        this.excluded = excluded;
        this.warnings = warnings;
    }

    /** @throws InvalidArgumentException when a variable names an unknown rule, or one that cannot be changed */
    static RuleSettings of(Optional<List<String>> exclude, Optional<List<String>> warn) {
        return new RuleSettings(rules("LINT_EXCLUDE", exclude), rules("LINT_WARN", warn));
    }

    boolean excluded(LintRule rule) {
        return excluded.contains(rule);
    }

    Severity severity(LintRule rule) {
        return warnings.contains(rule) ? Severity.WARNING : Severity.ERROR;
    }

    private static Set<LintRule> rules(String variable, Optional<List<String>> ids) {
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        for (String id : ids.orElse(List.of())) {
            if (id.isBlank()) {
                continue;
            }
            LintRule rule = LintRule.byId(id.strip()).orElseThrow(() -> new InvalidArgumentException(
                    variable + " names an unknown rule '" + id.strip() + "'; the rules are " + Arrays.stream(LintRule.values())
                            .filter(LintRule::configurable).map(LintRule::id).collect(Collectors.joining(", "))));
            if (!rule.configurable()) {
                throw new InvalidArgumentException(variable + " cannot name " + rule.id() + ": a lint:ignore comment must always"
                        + " name a rule and give a reason");
            }
            rules.add(rule);
        }
        return rules;
    }
}

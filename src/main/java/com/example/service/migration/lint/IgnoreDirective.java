package com.example.service.migration.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- lint:ignore <rule> <reason>} comment: it accepts the findings of that rule on the
 * statement it belongs to (Flyway gives a statement the comments just before it).
 *
 * @param line   its line in the script
 * @param rule   the rule it names, empty when it names none or an unknown one
 * @param named  the rule id as written (may be blank)
 * @param reason why the finding is accepted (may be blank, which is not allowed)
 */
record IgnoreDirective(int line, Optional<LintRule> rule, String named, String reason) {

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*lint:ignore\\b[ \\t]*(\\S*)[ \\t]*(.*?)\\s*$", Pattern.MULTILINE);

    /** Every directive in {@code statement}'s text. */
    static List<IgnoreDirective> in(ScriptStatement statement) {
        String sql = statement.sql();
        // Flyway numbers a statement by its first token; the comments before it sit on the lines above.
        int firstLine = statement.line() - newlines(sql, 0, StatementForm.codeStart(sql));
        List<IgnoreDirective> directives = new ArrayList<>();
        Matcher m = DIRECTIVE.matcher(sql);
        while (m.find()) {
            directives.add(new IgnoreDirective(firstLine + newlines(sql, 0, m.start()),
                    LintRule.byId(m.group(1)).filter(LintRule::configurable), m.group(1), m.group(2)));
        }
        return directives;
    }

    /** Null when the directive is well formed, else what is wrong with it. */
    String problem() {
        if (named.isBlank()) {
            return "names no rule";
        }
        if (rule.isEmpty()) {
            return LintRule.byId(named).isPresent() ? "cannot ignore " + named : "names an unknown rule '" + named + "'";
        }
        return reason.isBlank() ? "gives no reason" : null;
    }

    boolean accepts(LintRule finding) {
        return problem() == null && rule.get() == finding;
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}

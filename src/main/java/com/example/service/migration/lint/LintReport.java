package com.example.service.migration.lint;

import java.util.List;

/**
 * What {@code db lint} found.
 *
 * @param findings      the findings that count, in the order the migrations and statements run
 * @param errors        how many of them are errors
 * @param warnings      how many are warnings
 * @param accepted      findings accepted by the accepted-findings file or an inline comment
 * @param linted        the migrations observed (pending ones, or all with {@code --all})
 * @param notLinted     migrations that were not observed because an earlier one failed
 * @param scratchServer the PostgreSQL the migrations were replayed on, e.g. {@code PostgreSQL 14.22 (embedded)}
 */
public record LintReport(List<LintFinding> findings, int errors, int warnings, List<AcceptedFinding> accepted,
        List<String> linted, List<String> notLinted, String scratchServer) {

    static LintReport of(List<LintFinding> findings, List<AcceptedFinding> accepted, List<String> linted,
            List<String> notLinted, String scratchServer) {
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new LintReport(List.copyOf(findings), errors, findings.size() - errors, List.copyOf(accepted),
                List.copyOf(linted), List.copyOf(notLinted), scratchServer);
    }
}

package com.example.service.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.example.service.migration.lint.AcceptedFinding;
import com.example.service.migration.lint.LintFinding;
import com.example.service.migration.lint.LintReport;
import com.example.service.migration.lint.LintRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A lint report as SARIF 2.1.0, the format code-scanning tools read: every rule, every finding as a
 * result at its script's line, and accepted findings as results with a suppression and its reason.
 */
final class LintSarif {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintSarif() {
    }

    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String version, List<Rule> rules) {
    }

    record Rule(String id, Text shortDescription, Configuration defaultConfiguration, Properties properties) {
    }

    record Configuration(String level) {
    }

    record Properties(String group) {
    }

    record Text(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
            List<Suppression> suppressions) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri) {
    }

    record Region(int startLine) {
    }

    record Suppression(String kind, String justification) {
    }

    static Log of(LintReport report, String toolVersion) {
        List<Rule> rules = Arrays.stream(LintRule.values())
                .map(r -> new Rule(r.id(), new Text(r.summary()), new Configuration("error"),
                        new Properties(r.group().name().toLowerCase(Locale.ROOT))))
                .toList();
        List<Result> results = Stream.concat(
                report.findings().stream().map(f -> result(f, null)),
                report.accepted().stream().map(a -> result(a.finding(), a))).toList();
        return new Log(SCHEMA, "2.1.0", List.of(new Run(new Tool(new Driver("example-service db lint", toolVersion, rules)), results)));
    }

    private static Result result(LintFinding finding, AcceptedFinding accepted) {
        LintRule rule = LintRule.byId(finding.rule()).orElseThrow();
        List<Suppression> suppressions = accepted == null ? null
                : List.of(new Suppression(accepted.source().startsWith(finding.script() + ":") ? "inSource" : "external",
                        accepted.reason()));
        return new Result(finding.rule(), rule.ordinal(), finding.severity().id(),
                new Text((finding.version() == null ? finding.script() : "V" + finding.version()) + ": " + finding.message()
                        + " Fix: " + finding.fix()),
                List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(finding.file())), new Region(finding.line())))),
                suppressions);
    }

    /** A path relative to the repository stays as it is; an absolute one becomes a file URI. */
    private static String uri(String file) {
        Path path = Path.of(file);
        return path.isAbsolute() ? path.toUri().toString() : file;
    }
}

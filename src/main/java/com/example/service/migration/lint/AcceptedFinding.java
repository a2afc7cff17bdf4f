package com.example.service.migration.lint;

/**
 * A finding that the accepted-findings file or a {@code -- lint:ignore} comment accepts: reported
 * apart, never counted.
 *
 * @param finding the finding as it would have been reported
 * @param reason  why it is accepted, as written
 * @param source  where the acceptance is: the accepted-findings file, or the script's line
 */
public record AcceptedFinding(LintFinding finding, String reason, String source) {
}

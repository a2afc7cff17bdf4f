package com.example.service.migration.lint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement's text says about it, for what observing cannot tell: whether it is meant to run
 * {@code CONCURRENTLY}, which table an {@code UPDATE}/{@code DELETE} writes, and which safe form fits
 * a finding. Reads only the statement's head, after the comments Flyway keeps in front of it.
 */
final class StatementForm {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);
    private static final Pattern CONCURRENTLY = Pattern.compile(
            "^(?:CREATE (?:UNIQUE )?INDEX CONCURRENTLY|DROP INDEX CONCURRENTLY|REINDEX (?:\\(.*?\\) )?\\w+ CONCURRENTLY"
                    + "|ALTER TABLE .* DETACH PARTITION .* CONCURRENTLY)\\b.*");
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern DML_TARGET = Pattern.compile("(?<!FOR\\s)\\b(UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?("
            + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)", Pattern.CASE_INSENSITIVE);

    private final String code;
    private final String head;

    private StatementForm(String code) {
        this.code = code;
        this.head = code.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    static StatementForm of(String sql) {
        return new StatementForm(sql.substring(codeStart(sql)));
    }

    /** Where the statement's own text starts, after the comments and blank lines before it. */
    static int codeStart(String sql) {
        Matcher m = LEADING_COMMENTS.matcher(sql);
        return m.lookingAt() ? m.end() : 0;
    }

    /** {@code CREATE INDEX CONCURRENTLY} and the other forms that PostgreSQL refuses inside a transaction block. */
    boolean concurrently() {
        return CONCURRENTLY.matcher(head).matches();
    }

    /** {@code COPY … FROM STDIN}, whose rows Flyway sends through the driver's copy API rather than as SQL. */
    boolean copyFromStdin() {
        return head.startsWith("COPY ") && head.matches("(?s)COPY .*? FROM STDIN\\b.*");
    }

    /** The keyword the statement starts with, e.g. {@code ALTER}. */
    String keyword() {
        int space = head.indexOf(' ');
        return space < 0 ? head : head.substring(0, space);
    }

    /**
     * {@code UPDATE} or {@code DELETE} and the table it writes, as written; empty for other statements.
     * After a {@code WITH} list the main statement comes last.
     */
    Optional<DmlTarget> dmlTarget() {
        Matcher m = DML_TARGET.matcher(code);
        String keyword = keyword();
        if (keyword.equals("UPDATE") || keyword.equals("DELETE")) {
            return m.lookingAt() ? Optional.of(target(m)) : Optional.empty();
        }
        DmlTarget last = null;
        while (keyword.equals("WITH") && m.find()) {
            last = target(m);
        }
        return Optional.ofNullable(last);
    }

    private static DmlTarget target(Matcher m) {
        return new DmlTarget(m.group(1).toUpperCase(Locale.ROOT).startsWith("UPDATE") ? "UPDATE" : "DELETE", m.group(2));
    }

    /** Whether the statement's text has {@code words} (upper case, single spaces), e.g. {@code SET NOT NULL}. */
    boolean mentions(String words) {
        return head.contains(words);
    }

    /** The first line of the statement, shortened, to name it in a message. */
    String summary() {
        String firstLine = code.lines().findFirst().orElse("").strip();
        return firstLine.length() > 80 ? firstLine.substring(0, 77) + "…" : firstLine;
    }

    record DmlTarget(String command, String table) {
    }
}

package com.example.service.migration.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.example.service.migration.MigrationException;

/**
 * An {@link AuditEntry} as one {@code key=value} log line: values with spaces, quotes or equals
 * signs are quoted, a missing one is {@code -}, and a multi-line error becomes one line.
 */
final class AuditLine {

    private static final Pattern PLAIN = Pattern.compile("[^\\s\"=]+");

    private AuditLine() {
    }

    static String of(AuditEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", entry.action());
        fields.put("result", entry.result());
        fields.put("entry_point", entry.entryPoint());
        fields.put("actor", entry.actor());
        fields.put("host", entry.host());
        fields.put("from", entry.fromVersion());
        fields.put("to", entry.toVersion());
        fields.put("migrations", entry.migrations());
        fields.put("duration_ms", entry.durationMs());
        fields.put("at", entry.at());
        if (entry.error() != null) {
            fields.put("error", entry.error());
        }
        StringBuilder line = new StringBuilder("schema change");
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value(value)));
        return line.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "-";
        }
        String text = MigrationException.oneLine(value.toString());
        return PLAIN.matcher(text).matches() ? text
                : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

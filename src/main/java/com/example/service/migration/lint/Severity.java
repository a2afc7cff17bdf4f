package com.example.service.migration.lint;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** An error fails {@code db lint} (exit code 6); a warning is reported and lets it pass. */
public enum Severity {

    ERROR, WARNING;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.example.service.item;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.example.service.problem.InvalidInputException;
import com.example.service.problem.Violation;

/**
 * What a client sends to create or replace an item; the id and timestamps are the server's.
 * Checked here rather than by a validation framework: its start-up cost lands on every pod start and
 * every db command (docs/startup.md), for two fields.
 *
 * @param name        required, 1–{@value #NAME_MAX} characters, not only blanks
 * @param description optional, at most {@value #DESCRIPTION_MAX} characters
 */
public record ItemInput(
        @Schema(required = true, maxLength = NAME_MAX, pattern = NO_NUL) String name,
        @Schema(maxLength = DESCRIPTION_MAX, pattern = NO_NUL) String description) {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    /** PostgreSQL's text cannot hold the NUL character: refused as bad input, not failed as a query. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain the NUL character";

    /** {@code input} when it may be stored; otherwise every reason it may not, as one 400. */
    static ItemInput checked(ItemInput input) {
        if (input == null) {
            throw new InvalidInputException(List.of(new Violation("body", "a JSON body is required")));
        }
        List<Violation> violations = input.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return input;
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "name is required"));
        } else {
            checkText("name", name, NAME_MAX, violations);
        }
        if (description != null) {
            checkText("description", description, DESCRIPTION_MAX, violations);
        }
        return violations;
    }

    private static void checkText(String field, String value, int max, List<Violation> violations) {
        if (value.length() > max) {
            violations.add(new Violation(field, field + " must be at most " + max + " characters"));
        }
        if (value.indexOf('\0') >= 0) {
            violations.add(new Violation(field, NO_NUL_MESSAGE));
        }
    }
}

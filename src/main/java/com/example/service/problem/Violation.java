package com.example.service.problem;

/**
 * One reason a request's input was refused, as a 400 problem lists it under {@code violations}.
 *
 * @param field   the input's field, as the client named it
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {
}

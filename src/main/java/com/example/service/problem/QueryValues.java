package com.example.service.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * The one parser of numeric query parameters, for every resource: they are taken as strings because
 * Quarkus REST answers 404 to an unparseable {@code int} parameter, where a caller deserves 400 and
 * a sentence (problem+json through {@link ProblemMappers}).
 */
public final class QueryValues {

    /** The page size of a paginated endpoint when none is asked for. */
    public static final int DEFAULT_LIMIT = 20;

    private QueryValues() {
    }

    /** A page size, {@code limit}: 1 to {@code max}, {@link #DEFAULT_LIMIT} when absent. */
    public static int limit(String raw, int max) {
        return (int) between("limit", raw, DEFAULT_LIMIT, 1, max);
    }

    /** Rows to skip, {@code offset}: 0 or more, 0 when absent. */
    public static long offset(String raw) {
        return between("offset", raw, 0, 0, Long.MAX_VALUE);
    }

    /** {@code raw} as a whole number in [min, max]; {@code fallback} when the parameter is absent. */
    private static long between(String name, String raw, long fallback, long min, long max) {
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}

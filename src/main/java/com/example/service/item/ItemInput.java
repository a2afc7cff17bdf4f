package com.example.service.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or replace an item; the id and timestamps are the server's.
 *
 * @param name        required, 1–200 characters, not only blanks
 * @param description optional, at most 2000 characters
 */
public record ItemInput(
        @NotBlank(message = "name is required") @Size(max = 200, message = "name must be at most 200 characters")
        @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String name,
        @Size(max = 2000, message = "description must be at most 2000 characters")
        @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String description) {

    /** PostgreSQL's text cannot hold the NUL character: refused as bad input, not failed as a query. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain the NUL character";
}

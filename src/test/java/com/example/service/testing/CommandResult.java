package com.example.service.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A command run to completion: its exit code, and what it wrote on stdout and on stderr. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Stdout parsed as exactly one JSON document; fails the test, showing both streams, when it is not. */
    public JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new AssertionError("stdout is not one JSON document (" + e.getOriginalMessage() + "): " + this, e);
        }
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
}

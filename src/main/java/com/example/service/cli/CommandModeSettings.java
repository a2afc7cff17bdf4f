package com.example.service.cli;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;

/**
 * What a db command's start leaves out, with run-time switches only (one jar serves both modes), set
 * before Quarkus starts. Measured on {@code db check} (docs/startup.md): building the OpenAPI document
 * is the largest single step of Quarkus' start. The service's own beans that only a serving instance
 * needs are not created in command mode either (their startup observers are static).
 */
final class CommandModeSettings {

    private CommandModeSettings() {
    }

    static void apply() {
        System.setProperty("quarkus.http.host-enabled", "false");
        skipOpenApiDocument();
    }

    /**
     * Quarkus reads the OpenAPI document built into the jar at every start, whether or not /q/openapi
     * is ever asked for; no setting turns that off. It reads it through this class loader when one is
     * set (dev mode sets it): one that finds no document gives an empty one, at no cost.
     */
    private static void skipOpenApiDocument() {
        OpenApiConstants.classLoader = new ClassLoader(null) {
        };
    }
}

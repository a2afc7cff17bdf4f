package com.example.service.admin;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Who may use the admin API. {@code admin.user} and {@code admin.password} map straight from
 * ADMIN_USER and ADMIN_PASSWORD; the viewer's keys read theirs through a default expression so the
 * variable names stay exactly those of the README table. An account counts only when both its user
 * and its password are set: with neither account configured, the admin API refuses every request.
 */
@ConfigMapping(prefix = "admin")
public interface AdminAccessConfig {

    /** ADMIN_USER: may read the schema state and run {@code POST /admin/db/upgrade}. */
    Optional<String> user();

    /** ADMIN_PASSWORD: never logged or echoed. */
    Optional<String> password();

    /** VIEWER_USER: may read the schema state, never change it. */
    @WithName("viewer-user")
    @WithDefault("${VIEWER_USER:}")
    Optional<String> viewerUser();

    /** VIEWER_PASSWORD: never logged or echoed. */
    @WithName("viewer-password")
    @WithDefault("${VIEWER_PASSWORD:}")
    Optional<String> viewerPassword();
}

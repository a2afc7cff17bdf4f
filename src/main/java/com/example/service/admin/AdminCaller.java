package com.example.service.admin;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The answer of {@code GET /admin/db/me}: who the credentials belong to, so that the console shows
 * an admin what only an admin may do.
 *
 * @param user       the account's user name
 * @param roles      its roles: {@code viewer} or {@code admin}
 * @param mayUpgrade whether it may {@code POST /admin/db/upgrade}
 */
public record AdminCaller(String user, List<String> roles, boolean mayUpgrade) {

    static AdminCaller of(SecurityIdentity identity) {
        return new AdminCaller(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList(),
                identity.hasRole(Roles.ADMIN));
    }
}

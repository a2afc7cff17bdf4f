package com.example.service.admin;

/** The admin API's two roles. */
public final class Roles {

    /** Reads the schema state: every GET under /admin/db. */
    public static final String VIEWER = "viewer";
    /** Reads, and changes the schema: {@code POST /admin/db/upgrade}. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

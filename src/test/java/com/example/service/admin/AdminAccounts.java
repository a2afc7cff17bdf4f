package com.example.service.admin;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The accounts the admin API tests configure, and requests made as each. */
final class AdminAccounts {

    static final String ADMIN_USER = "ops";
    static final String ADMIN_PASSWORD = "admin-Pa55-never-echoed";
    static final String VIEWER_USER = "dashboard";
    static final String VIEWER_PASSWORD = "viewer-Pa55-never-echoed";

    static final String PROBLEM = "application/problem+json";

    private AdminAccounts() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN_USER, ADMIN_PASSWORD);
    }

    static RequestSpecification asViewer() {
        return given().auth().preemptive().basic(VIEWER_USER, VIEWER_PASSWORD);
    }
}

package com.example.service.admin;

import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A database that refuses connections: status still answers (UNKNOWN); everything else is a 503 problem. */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "quarkus.datasource.jdbc.url", value = "jdbc:postgresql://127.0.0.1:1/nowhere") })
class AdminDatabaseDownTest {

    @Test
    void statusSaysUnknownAndWhy() {
        asViewer().get("/admin/db/status").then().statusCode(200)
                .body("state", equalTo("UNKNOWN"))
                .body("databaseReachable", equalTo(false))
                .body("problem", containsString("not"))
                .body("currentVersion", nullValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /admin/db/pending", "GET, /admin/db/validate", "GET, /admin/db/history", "GET, /admin/db/sql",
            "POST, /admin/db/upgrade" })
    void everythingElseIsA503Problem(String method, String path) {
        asAdmin().request(method, path).then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("type", equalTo("urn:example-service:problem:database-unavailable"))
                .body("status", equalTo(503));
    }
}

package com.example.service.admin;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import com.example.service.testing.ServiceProcess;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The accounts the admin API tests configure (see {@link AdminDatabase}), and requests made as each. */
final class AdminApi {

    static final String ADMIN_USER = "ops";
    static final String ADMIN_PASSWORD = "admin-Pa55-never-echoed";
    static final String VIEWER_USER = "dashboard";
    static final String VIEWER_PASSWORD = "viewer-Pa55-never-echoed";

    static final String PROBLEM = "application/problem+json";

    private AdminApi() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN_USER, ADMIN_PASSWORD);
    }

    static RequestSpecification asViewer() {
        return given().auth().preemptive().basic(VIEWER_USER, VIEWER_PASSWORD);
    }

    /**
     * Polls the status until {@code field} equals {@code value} (the cache refreshes on its own
     * schedule) and returns that status.
     */
    static JsonPath awaitStatus(String field, String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            JsonPath status = asViewer().get("/admin/db/status").jsonPath();
            last = status.get(field);
            if (value.equals(last)) {
                return status;
            }
            ServiceProcess.sleep(20);
        }
        throw new AssertionError("status " + field + " never became " + value + "; last " + last);
    }
}

package com.example.service.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.example.service.testing.IsolatedDatabase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** No account configured: the admin API refuses every request with 401, whatever credentials come with it. */
@QuarkusTest
@WithTestResource(IsolatedDatabase.class)
class AdminNoAccountsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /admin/db/status", "GET, /admin/db/pending", "GET, /admin/db/history", "GET, /admin/db/validate",
            "GET, /admin/db/sql", "POST, /admin/db/upgrade" })
    void everyRequestIsRefused(String method, String path) {
        for (RequestSpecification request : new RequestSpecification[] { given(),
                given().auth().preemptive().basic("ops", ""),
                given().auth().preemptive().basic("admin", "admin"),
                given().auth().preemptive().basic("", "") }) {
            request.request(method, path).then().statusCode(401).contentType(AdminApi.PROBLEM)
                    .header("WWW-Authenticate", startsWith("Basic realm="))
                    .body("status", equalTo(401));
        }
    }
}

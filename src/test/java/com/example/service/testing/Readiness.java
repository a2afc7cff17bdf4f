package com.example.service.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/** Waits, in a {@code @QuarkusTest}, for the in-process service to become ready. */
public final class Readiness {

    private Readiness() {
    }

    public static void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = given().get("/q/health/ready").statusCode();
            if (status == 200) {
                return;
            }
            ServiceProcess.sleep(100);
        }
        throw new AssertionError("not ready within " + timeout + ", last status " + status + ": "
                + given().get("/q/health/ready").asString());
    }
}

package com.example.service.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.service.migration.state.SchemaStateCache;
import com.example.service.testing.IsolatedDatabase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.health.api.AsyncHealthCheck;

/**
 * Issue 17, item 2: probes and the API gate cost nothing. Readiness is an asynchronous check whose
 * response is built once per change of state, and neither probes nor item requests work the verdict out.
 */
@QuarkusTest
@WithTestResource(IsolatedDatabase.class)
class ReadinessProbeCostTest {

    private static final int REQUESTS = 300;

    @Inject
    @Readiness
    SchemaReadinessCheck check;

    @Inject
    ReadinessGate gate;

    @Inject
    SchemaStateCache cache;

    @Inject
    ReadinessProbeRoute route;

    @Inject
    SmallRyeHealthReporter reporter;

    @BeforeEach
    void ready() {
        com.example.service.testing.Readiness.await(Duration.ofSeconds(30));
    }

    @Test
    void theCheckIsAsynchronousAndAnswersWithoutBlocking() {
        assertThat(check).isInstanceOf(AsyncHealthCheck.class);
        assertThat(check.call().subscribeAsCompletionStage()).as("an answer already there").isDone();
    }

    @Test
    void theSameResponseIsReturnedUntilTheStateChanges() {
        HealthCheckResponse first = check.call().await().indefinitely();
        assertThat(check.call().await().indefinitely()).isSameAs(first);

        // A refresh moves checkedAt: the probe's data changed, so a new response is built once.
        cache.refresh();
        HealthCheckResponse afterRefresh = check.call().await().indefinitely();
        assertThat(afterRefresh).isNotSameAs(first);
        assertThat(afterRefresh.getData().orElseThrow().get("checkedAt"))
                .isNotEqualTo(first.getData().orElseThrow().get("checkedAt"));
        assertThat(check.call().await().indefinitely()).isSameAs(afterRefresh);
    }

    @Test
    void probesGetSmallRyesOwnAnswerWrittenOncePerVerdict() {
        Response probe = given().get("/q/health/ready");
        probe.then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Cache-Control", "no-store");
        assertThat(probe.asString()).isEqualTo(smallRyesReport());

        long before = route.answeredFromStore();
        for (int i = 0; i < REQUESTS; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        // The timer may move the verdict (checkedAt) a few times meanwhile: each move writes once.
        assertThat(route.answeredFromStore() - before).isGreaterThan(REQUESTS - 20);

        cache.refresh();
        assertThat(given().get("/q/health/ready").asString()).as("the answer for the refreshed state")
                .isEqualTo(smallRyesReport()).isNotEqualTo(probe.asString());
    }

    private String smallRyesReport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.reportHealth(out, reporter.getReadiness());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void neitherProbesNorItemRequestsWorkTheVerdictOut() {
        long before = gate.evaluations();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            given().get("/api/items/1");
            given().get("/q/health/ready").then().statusCode(200);
        }
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // Only the timer and the refreshes evaluate: a few per second, whatever the request rate.
        long allowed = elapsedMillis / ReadinessGate.REEVALUATE_EVERY.toMillis() + elapsedMillis / 100 + 5;
        assertThat(gate.evaluations() - before).as("evaluations in %d ms", elapsedMillis)
                .isLessThanOrEqualTo(allowed).isLessThan(REQUESTS);
    }
}

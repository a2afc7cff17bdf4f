package com.example.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TcpProxy;
import com.example.service.testing.TestDatabase;

/**
 * A database outage while serving, played by cutting a proxy between the packaged jar and
 * PostgreSQL: readiness follows the database, liveness never does, the API fails fast with 503,
 * and everything comes back by itself.
 */
@Isolated // alone (pom.xml): each probe must answer within 2 s during the outage
class DatabaseOutageIT {

    private static final Duration START = Duration.ofSeconds(90);
    /**
     * Detection takes a refresh period, plus the JDBC pool's wait when connections hang, plus the
     * grace a refresh gets before readiness calls the state stale when they freeze.
     */
    private static final Duration NOTICE = Duration.ofSeconds(20);
    private static final Duration QUICK = Duration.ofSeconds(2);

    @Test
    void readinessFollowsTheDatabaseLivenessNeverDoesAndTheApiAnswers503Quickly() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create(); TcpProxy proxy = TcpProxy.toPostgres();
                TcpProxy staleProxy = TcpProxy.toPostgres()) {
            Map<String, String> watchedEnv = ServiceProcess.environment(db.name(), proxy);
            watchedEnv.put("SCHEMA_STATE_REFRESH", "1s");
            watchedEnv.put("DB_QUERY_TIMEOUT", "1s");
            // Refreshes so rarely that its readiness still says UP during the outage: its API
            // requests reach the reactive client, whose failures must turn into a quick 503 too.
            Map<String, String> staleEnv = ServiceProcess.environment(db.name(), staleProxy);
            staleEnv.put("SCHEMA_STATE_REFRESH", "1h");
            staleEnv.put("DB_QUERY_TIMEOUT", "1s");
            try (ServiceProcess watched = ServiceProcess.start(watchedEnv)) {
                watched.awaitStatus("/q/health/ready", 200, START);
                try (ServiceProcess stale = ServiceProcess.start(staleEnv)) {
                    stale.awaitStatus("/q/health/ready", 200, START);
                    try (LivenessWatch liveness = new LivenessWatch(List.of(watched, stale))) {
                        assertThat(watched.status("/api/items")).isEqualTo(200);
                        assertThat(stale.status("/api/items")).isEqualTo(200);

                        for (TcpProxy.Cut how : TcpProxy.Cut.values()) {
                            long connectionsBefore = proxy.connections();
                            proxy.cut(how);
                            staleProxy.cut(how);

                            for (int i = 0; i < 3; i++) {
                                assertQuick503(stale, "the database is not reachable");
                            }
                            watched.awaitStatus("/q/health/ready", 503, NOTICE);
                            assertThat(watched.healthData("/q/health/ready").path("reason").asText())
                                    .as("reason while %s", how).containsPattern("^database not (reachable|answering)");
                            assertQuick503(watched, "the service is not ready");
                            if (how == TcpProxy.Cut.BLACKHOLE) {
                                // Hold the outage until the service has tried a new connection into
                                // the blackhole: recovering with one left hanging is the hard part.
                                awaitNewConnection(proxy, connectionsBefore);
                            }

                            proxy.restore();
                            staleProxy.restore();

                            watched.awaitStatus("/q/health/ready", 200, NOTICE);
                            watched.awaitStatus("/api/items", 200, NOTICE);
                            stale.awaitStatus("/api/items", 200, NOTICE);
                        }
                        assertThat(watched.output()).contains("Database reachable again");
                        assertThat(liveness.answers()).as("liveness answers during the outages").isNotEmpty()
                                .containsOnly(200);
                    }
                }
            }
        }
    }

    private static void assertQuick503(ServiceProcess service, String detail) {
        long start = System.nanoTime();
        HttpResponse<String> response = service.get("/api/items");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response).as("an answer").isNotNull();
        if (response.statusCode() != 503) {
            throw new AssertionError("expected 503, got " + response.statusCode() + " " + response.body() + "; output:\n"
                    + service.output());
        }
        assertThat(took).as("time to answer").isLessThan(QUICK);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains(detail);
    }

    private static void awaitNewConnection(TcpProxy proxy, long before) {
        long deadline = System.nanoTime() + NOTICE.toNanos();
        while (proxy.connections() == before) {
            assertThat(System.nanoTime()).as("a new connection attempt").isLessThan(deadline);
            ServiceProcess.sleep(100);
        }
    }

    /** Polls /q/health/live of every service every 200 ms until closed. */
    private static final class LivenessWatch implements AutoCloseable {

        private final List<Integer> answers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread daemon = new Thread(r, "liveness-watch");
            daemon.setDaemon(true);
            return daemon;
        });

        LivenessWatch(List<ServiceProcess> services) {
            thread.execute(() -> {
                while (running.get()) {
                    services.forEach(s -> answers.add(s.status("/q/health/live")));
                    ServiceProcess.sleep(200);
                }
            });
        }

        List<Integer> answers() {
            return answers;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.shutdown();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}

package com.example.service.health;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.BufferOutputStream;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.health.api.AsyncHealthCheck;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /q/health/ready} with the bytes SmallRye wrote for the verdict in force, so a
 * probe costs what liveness costs or less: SmallRye would otherwise run the checks, combine them and
 * pretty-print the same JSON again on every probe. The bytes are SmallRye's own (its reporter writes
 * them once per verdict of {@link ReadinessGate}), so the answer is the one SmallRye gives.
 * <p>
 * That holds only while {@link SchemaReadinessCheck} is the only readiness check, because only its
 * answer follows the verdict, and while problem details are off (SmallRye writes those per request).
 * Otherwise the route is not installed and SmallRye answers every probe itself.
 */
@ApplicationScoped
public class ReadinessProbeRoute {

    private static final Logger LOG = Logger.getLogger(ReadinessProbeRoute.class);

    /** Ahead of the health extension's own route for the same path. */
    private static final int ORDER = -2;

    /** A verdict and SmallRye's answer for it, swapped together. */
    private record Answer(ReadinessVerdict verdict, int status, Buffer body) {
    }

    private final ReadinessGate gate;
    private final SmallRyeHealthReporter reporter;
    private volatile Answer answer;
    /** Probes answered from a stored answer: a test reads it to tell this route from SmallRye's. */
    private final LongAdder stored = new LongAdder();

    ReadinessProbeRoute(ReadinessGate gate, SmallRyeHealthReporter reporter) {
        this.gate = gate;
        this.reporter = reporter;
    }

    static void install(@Observes Router router, BeanManager beans, Config config, ReadinessProbeRoute route) {
        int readinessChecks = beans.getBeans(HealthCheck.class, Readiness.Literal.INSTANCE).size()
                + beans.getBeans(AsyncHealthCheck.class, Readiness.Literal.INSTANCE).size();
        boolean problemDetails = config.getOptionalValue("quarkus.smallrye-health.include-problem-details", Boolean.class)
                .orElse(false);
        if (readinessChecks != 1 || problemDetails) {
            LOG.debugf("Readiness probes answered by SmallRye on each request (%d readiness checks, problem details %s)",
                    (Object) readinessChecks, problemDetails);
            return;
        }
        router.get(readinessPath(config)).order(ORDER).handler(route::answer);
    }

    /**
     * Where the health extension serves readiness: each of its paths is relative to the one before
     * unless it starts with a slash, as Quarkus resolves them.
     */
    static String readinessPath(Config config) {
        String root = config.getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        String nonApplication = under(root,
                config.getOptionalValue("quarkus.http.non-application-root-path", String.class).orElse("q"));
        String health = under(nonApplication,
                config.getOptionalValue("quarkus.smallrye-health.root-path", String.class).orElse("health"));
        return under(health, config.getOptionalValue("quarkus.smallrye-health.readiness-path", String.class).orElse("ready"));
    }

    private static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    long answeredFromStore() {
        return stored.sum();
    }

    // Not private: the observer holds the client proxy, which forwards only non-private methods.
    void answer(RoutingContext context) {
        ReadinessVerdict verdict = gate.current();
        Answer known = answer;
        if (known != null && known.verdict() == verdict) {
            stored.increment();
            send(context, known);
            return;
        }
        // The check answers at once from the verdict; a newer verdict than the one read above only
        // makes the next probe write the answer again.
        reporter.getReadinessAsync().subscribe().with(health -> {
            Answer built = new Answer(verdict, health.isDown() ? 503 : 200, write(health));
            answer = built;
            send(context, built);
        }, context::fail);
    }

    private Buffer write(SmallRyeHealth health) {
        Buffer body = Buffer.buffer(512);
        try (BufferOutputStream out = new BufferOutputStream(body)) {
            reporter.reportHealth(out, health);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    private static void send(RoutingContext context, Answer answer) {
        context.response().setStatusCode(answer.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(answer.body());
    }
}

package com.example.service.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * {@code /q/health/ready}: UP only when the schema is acceptable for this code (READINESS_MODE).
 * Asynchronous, so that SmallRye answers on the event loop instead of a worker thread per probe, and
 * answered from a response built once per verdict of {@link ReadinessGate}: a probe allocates nothing.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements AsyncHealthCheck {

    /** A verdict and the probe's answer built from it, swapped together. */
    private record Answer(ReadinessVerdict verdict, Uni<HealthCheckResponse> response) {
    }

    private final ReadinessGate gate;
    private volatile Answer answer;

    SchemaReadinessCheck(ReadinessGate gate) {
        this.gate = gate;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        ReadinessVerdict verdict = gate.current();
        Answer known = answer;
        if (known != null && known.verdict() == verdict) {
            return known.response();
        }
        Answer built = new Answer(verdict, Uni.createFrom().item(build(verdict)));
        answer = built;
        return built.response();
    }

    private static HealthCheckResponse build(ReadinessVerdict readiness) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("schema").status(readiness.ready());
        readiness.data().forEach((key, value) -> {
            if (value instanceof Number number) {
                builder.withData(key, number.longValue());
            } else {
                builder.withData(key, String.valueOf(value));
            }
        });
        return builder.build();
    }
}

package com.example.service.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: UP only when the schema is acceptable for this code (READINESS_MODE). */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private final ReadinessGate gate;

    SchemaReadinessCheck(ReadinessGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        ReadinessVerdict readiness = gate.evaluate();
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

package com.example.service.health;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** {@code /q/health/ready}: UP only when the schema is acceptable for this code (READINESS_MODE). */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaReadinessCheck.class);

    private final ReadinessGate gate;
    /** The last verdict logged: probes come every few seconds, a change of state is logged once. */
    private final AtomicReference<String> logged = new AtomicReference<>();

    SchemaReadinessCheck(ReadinessGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        ReadinessVerdict readiness = gate.evaluate();
        logChange(readiness);
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

    private void logChange(ReadinessVerdict readiness) {
        String verdict = readiness.ready() ? "UP" : "DOWN: " + readiness.reason();
        if (!verdict.equals(logged.getAndSet(verdict))) {
            LOG.infof("Readiness %s", verdict);
        }
    }
}

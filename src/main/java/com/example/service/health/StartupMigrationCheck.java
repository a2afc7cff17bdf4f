package com.example.service.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

import com.example.service.migration.startup.StartupMigration;

/**
 * {@code /q/health/started}: DOWN while the startup migration (or the wait for another instance's)
 * runs, so Kubernetes holds liveness probes back instead of killing a long migration.
 */
@Startup
@ApplicationScoped
public class StartupMigrationCheck implements HealthCheck {

    private final StartupMigration startup;

    StartupMigrationCheck(StartupMigration startup) {
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        StartupMigration.Progress progress = startup.progress();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("startup-migration")
                .status(progress.phase().finished())
                .withData("phase", progress.phase().name())
                .withData("done", progress.done())
                .withData("total", progress.total());
        if (progress.current() != null) {
            builder.withData("current", progress.current());
        }
        if (progress.error() != null) {
            builder.withData("error", progress.error());
        }
        return builder.build();
    }
}

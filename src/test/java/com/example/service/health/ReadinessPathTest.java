package com.example.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The readiness probe's own route must sit where the health extension serves readiness. */
class ReadinessPathTest {

    @Test
    void theDefaultsGiveQuarkusOwnPath() {
        assertThat(ReadinessProbeRoute.readinessPath(config(Map.of()))).isEqualTo("/q/health/ready");
    }

    @Test
    void eachPathIsUnderTheOneBeforeUnlessItStartsWithASlash() {
        assertThat(ReadinessProbeRoute.readinessPath(config(Map.of("quarkus.http.root-path", "/app/",
                "quarkus.smallrye-health.readiness-path", "r")))).isEqualTo("/app/q/health/r");
        assertThat(ReadinessProbeRoute.readinessPath(config(Map.of("quarkus.http.non-application-root-path", "/ops",
                "quarkus.smallrye-health.root-path", "status")))).isEqualTo("/ops/status/ready");
        assertThat(ReadinessProbeRoute.readinessPath(config(Map.of("quarkus.smallrye-health.root-path", "/health"))))
                .isEqualTo("/health/ready");
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}

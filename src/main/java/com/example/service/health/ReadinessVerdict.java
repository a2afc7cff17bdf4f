package com.example.service.health;

import java.util.Map;

/**
 * Whether this instance may take traffic, and why. Not "Readiness": that is MicroProfile Health's
 * qualifier of readiness checks, which {@link SchemaReadinessCheck} carries.
 *
 * @param ready  the verdict
 * @param reason one phrase: why not, or why yes
 * @param data   the facts behind it (mode, phase, versions), for the probe's {@code data}
 */
public record ReadinessVerdict(boolean ready, String reason, Map<String, Object> data) {
}

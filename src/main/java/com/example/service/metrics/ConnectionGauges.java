package com.example.service.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Micrometer's Vert.x binder registers the reactive client's gauges ({@code postgresql.queue.size},
 * {@code postgresql.current}) once per pooled connection under the same name and tags: every
 * connection after the first is refused with a warning "Gauge … already registered", and the one
 * kept reports that first connection only (quarkusio/quarkus#47504). Those gauges are denied; the
 * client's timers and counters, which are shared by every connection, stay.
 */
@Singleton
public class ConnectionGauges {

    @Produces
    @Singleton
    MeterFilter denyPerConnectionGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && "sql".equals(id.getTag("clientType")));
    }
}

package com.example.service.health;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.example.service.problem.Problem;

/**
 * The sample API answers 503 at once, instead of failing or hanging, while this instance is not
 * ready: during the startup migration, with pending migrations, or while the database is down.
 */
public class ApiAvailabilityFilter {

    private final ReadinessGate gate;

    ApiAvailabilityFilter(ReadinessGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter
    public Response gate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        // A volatile read per request: the verdict is worked out when the state changes, not here.
        if (gate.ready()) {
            return null;
        }
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the service is not ready: " + gate.current().reason())
                .toRetryableResponse();
    }
}

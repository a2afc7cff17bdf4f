package com.example.service.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every error the REST layer sees into application/problem+json; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        List<Violation> violations = e.violations().stream().sorted(Comparator.comparing(Violation::field)).toList();
        return Problem.of(Status.BAD_REQUEST, e.getMessage()).with("violations", violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return Problem.of(Status.BAD_REQUEST, "unknown field '" + e.getPropertyName() + "'").toResponse();
    }

    /** Declared on its own: Quarkus' built-in mapper for this subtype would otherwise answer without a body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problem.of(Status.BAD_REQUEST, "the body is not the JSON expected: " + e.getOriginalMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? status.getReasonPhrase() : e.getMessage();
        Response problem = Problem.of(status, detail).toResponse();
        // Keep the headers that belong to the status, such as Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the service log").toResponse();
    }
}

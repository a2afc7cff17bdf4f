package com.example.service.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error this service answers.
 *
 * @param type       a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title      the status's short phrase
 * @param status     the HTTP status
 * @param detail     what went wrong this time, for a person
 * @param extensions further members (violations, version, sqlState, …), serialised at top level
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Seconds a client should wait before retrying; about one schema state refresh. */
    private static final String RETRY_AFTER_SECONDS = "5";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, Map.of());
    }

    /** This problem with one more member. */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** This problem with {@code Retry-After}: the service cannot answer now, and the client should come back. */
    public Response toRetryableResponse() {
        Response response = toResponse();
        response.getHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }
}

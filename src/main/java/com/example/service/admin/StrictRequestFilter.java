package com.example.service.admin;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses what an operator's typo would otherwise silently ignore: a misspelt query parameter
 * ({@code ?targte=3} would upgrade to the latest version) or a body (no bound endpoint reads one), and a parameter given twice or without a value.
 * Runs after authentication, so an anonymous caller learns nothing about parameters.
 */
public class StrictRequestFilter {

    @StrictRequest
    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Set<String> declared = Arrays.stream(resource.getResourceMethod().getParameters())
                .map(p -> p.getAnnotation(QueryParam.class))
                .filter(q -> q != null)
                .map(QueryParam::value)
                .collect(Collectors.toCollection(TreeSet::new));
        MultivaluedMap<String, String> given = request.getUriInfo().getQueryParameters();
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new BadRequestException("unknown query parameter(s) " + unknown + "; this endpoint takes "
                    + (declared.isEmpty() ? "none" : declared));
        }
        given.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new BadRequestException("query parameter '" + name + "' given " + values.size() + " times");
            }
            if (values.get(0) == null || values.get(0).isBlank()) {
                // ?target=$TARGET with an empty variable must not mean "everything".
                throw new BadRequestException("query parameter '" + name + "' has no value");
            }
        });
        if (request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null) {
            throw new BadRequestException("this endpoint takes no request body");
        }
    }
}

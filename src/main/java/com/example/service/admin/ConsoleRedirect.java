package com.example.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * {@code /admin} answers with a redirect to the console at {@code /admin/}: the page's own files and
 * API calls are relative to it (so it also works behind a proxy's path prefix), which needs the slash.
 */
@ApplicationScoped
public class ConsoleRedirect {

    /** Ahead of the REST routes, which would answer 404. */
    private static final int ORDER = -1;

    void route(@Observes Router router) {
        router.get("/admin").order(ORDER).handler(context -> {
            if (context.request().path().equals("/admin")) {
                // Relative, so that a proxy's path prefix is kept.
                context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, "admin/").end();
            } else {
                context.next();
            }
        });
    }
}

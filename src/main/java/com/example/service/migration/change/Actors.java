package com.example.service.migration.change;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.service.migration.Actor;

/** Makes the {@link Actor} of each entry point, all on this host (the pod name on Kubernetes). */
@ApplicationScoped
public class Actors {

    private final String host;

    Actors(@ConfigProperty(name = "HOSTNAME", defaultValue = "localhost") String host) {
        this.host = host;
    }

    /** The startup migration: the pod itself is who. */
    public Actor startup() {
        return new Actor(Actor.EntryPoint.STARTUP, host, host);
    }

    /** A {@code db} command, run by this process's operating system user. */
    public Actor commandLine() {
        return new Actor(Actor.EntryPoint.CLI, System.getProperty("user.name", "unknown"), host);
    }

    /** An admin API request by an authenticated {@code user}. */
    public Actor http(String user) {
        return new Actor(Actor.EntryPoint.REST, user, host);
    }
}

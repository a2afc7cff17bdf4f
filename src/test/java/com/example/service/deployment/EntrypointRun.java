package com.example.service.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.service.testing.PostgresServer;
import com.example.service.testing.ServiceProcess;

/**
 * The image's entry point run outside the image, the way a container runs it:
 * {@code src/main/docker/docker-entrypoint.sh} with the container's arguments and environment
 * (on top of the Dockerfile's ENV), against the packaged jar and the test's database.
 */
final class EntrypointRun {

    static final Path ENTRYPOINT = DeploymentFiles.DOCKER_DIR.resolve("docker-entrypoint.sh");

    private EntrypointRun() {
    }

    /** Runs {@code spec} with its database settings pointed at {@code database} and a free HTTP port. */
    static ServiceProcess start(ContainerSpec spec, String database) {
        Map<String, String> env = new HashMap<>(spec.env());
        env.putAll(ServiceProcess.environment(database));
        if (PostgresServer.get().password() == null) {
            env.remove("DB_PASSWORD");
        }
        return start(spec.args(), env);
    }

    /** Runs the entry point with {@code args} and {@code env} over the image's ENV. */
    static ServiceProcess start(List<String> args, Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(DeploymentFiles.dockerfileEnv());
        environment.putAll(env);
        environment.put("EXAMPLE_SERVICE_JAR", ServiceProcess.jar().toString());
        List<String> command = new ArrayList<>(List.of(ENTRYPOINT.toString()));
        command.addAll(args);
        return ServiceProcess.startCommand(environment, command);
    }
}

package com.example.service.deployment;

import static com.example.service.deployment.DeploymentFiles.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One container of the service's image as a deployment file starts it.
 *
 * @param origin      where it is declared, for messages
 * @param entrypoint  an override of the image's entry point; empty when the image's own is used
 * @param args        what the entry point gets; empty for the image's default (serve)
 * @param env         its environment as rendered, ConfigMaps and Secrets resolved
 * @param ports       the container ports it declares
 * @param probes      its Kubernetes probes
 * @param healthcheck its compose health check command; empty when there is none
 */
record ContainerSpec(String origin, List<String> entrypoint, List<String> args, Map<String, String> env,
        List<Integer> ports, List<Probe> probes, List<String> healthcheck) {

    /** A Kubernetes probe; {@code path} is null when it is not an HTTP GET. */
    record Probe(String kind, String path, int port) {
    }

    private static final String IMAGE = "example-service";
    private static final List<String> PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");

    /** Every container of the service that the compose files and kustomizations start, rendered with no settings. */
    static List<ContainerSpec> allDeployed() {
        List<ContainerSpec> specs = new ArrayList<>();
        DeploymentFiles.COMPOSE_FILES.forEach(file -> specs.addAll(ofCompose(file, DeploymentFiles.compose(file))));
        DeploymentFiles.KUSTOMIZATIONS.forEach(dir -> specs.addAll(ofKubernetes(dir, DeploymentFiles.kustomize(dir))));
        return specs;
    }

    /** The single container named {@code name} (a compose service or a Kubernetes container) in {@code specs}. */
    static ContainerSpec named(List<ContainerSpec> specs, String name) {
        List<ContainerSpec> matching = specs.stream()
                .filter(s -> s.origin().endsWith(" service " + name) || s.origin().endsWith("/" + name)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one container " + name + ", found " + matching.size() + " in "
                    + specs.stream().map(ContainerSpec::origin).toList());
        }
        return matching.get(0);
    }

    /** Whether this container runs the HTTP service (the image's default, or {@code serve}). */
    boolean serves() {
        return args.isEmpty() || "serve".equals(args.get(0));
    }

    /** The services of a rendered compose file that run the service's image. */
    static List<ContainerSpec> ofCompose(String file, JsonNode rendered) {
        List<ContainerSpec> specs = new ArrayList<>();
        rendered.path("services").fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            if (service.has("build") || service.path("image").asText().startsWith(IMAGE)) {
                String origin = file + " service " + entry.getKey();
                Map<String, String> env = new LinkedHashMap<>();
                service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                List<Integer> ports = new ArrayList<>();
                service.path("ports").forEach(port -> ports.add(port.path("target").asInt()));
                specs.add(new ContainerSpec(origin, execForm(origin, service.path("entrypoint")),
                        execForm(origin, service.path("command")), env, ports, List.of(),
                        execForm(origin, service.path("healthcheck").path("test"))));
            }
        });
        return specs;
    }

    /** The init containers and containers of every workload in a rendered kustomization. */
    static List<ContainerSpec> ofKubernetes(String dir, List<JsonNode> docs) {
        List<ContainerSpec> specs = new ArrayList<>();
        for (JsonNode doc : docs) {
            JsonNode pod = doc.path("spec").path("template").path("spec");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(list)) {
                    String origin = dir + " " + doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText()
                            + " " + list + "/" + container.path("name").asText();
                    specs.add(ofPod(origin, container, docs));
                }
            }
        }
        return specs;
    }

    private static ContainerSpec ofPod(String origin, JsonNode container, List<JsonNode> docs) {
        Map<String, Integer> namedPorts = new LinkedHashMap<>();
        container.path("ports").forEach(p -> namedPorts.put(p.path("name").asText(), p.path("containerPort").asInt()));
        List<Probe> probes = new ArrayList<>();
        for (String kind : PROBES) {
            if (container.has(kind)) {
                JsonNode httpGet = container.path(kind).path("httpGet");
                JsonNode port = httpGet.path("port");
                int number = port.isInt() ? port.asInt() : namedPorts.getOrDefault(port.asText(), -1);
                probes.add(new Probe(kind, httpGet.has("path") ? httpGet.path("path").asText() : null, number));
            }
        }
        return new ContainerSpec(origin, strings(container.path("command")), strings(container.path("args")),
                environment(origin, container, docs), List.copyOf(namedPorts.values()), probes, List.of());
    }

    private static Map<String, String> environment(String origin, JsonNode container, List<JsonNode> docs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            Map<String, String> values = from.has("configMapRef")
                    ? configMap(docs, from.path("configMapRef").path("name").asText())
                    : secret(docs, from.path("secretRef").path("name").asText());
            values.forEach((key, value) -> env.put(prefix + key, value));
        }
        for (JsonNode variable : container.path("env")) {
            if (!variable.has("value")) {
                throw new AssertionError(origin + ": env " + variable.path("name").asText()
                        + " uses valueFrom, which this test does not resolve; use envFrom or a value");
            }
            env.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return env;
    }

    private static Map<String, String> configMap(List<JsonNode> docs, String name) {
        JsonNode map = find(docs, "ConfigMap", name);
        if (map == null) {
            throw new AssertionError("ConfigMap " + name + " is referenced but not rendered");
        }
        return values(map.path("data"), false);
    }

    /** A rendered Secret, or the example Secret docs/kubernetes.md tells users to create from. */
    private static Map<String, String> secret(List<JsonNode> docs, String name) {
        JsonNode secret = find(docs, "Secret", name);
        if (secret == null) {
            JsonNode example = DeploymentFiles.yaml(DeploymentFiles.SECRET_EXAMPLE);
            if (!name.equals(example.path("metadata").path("name").asText())) {
                throw new AssertionError("Secret " + name + " is neither rendered nor in " + DeploymentFiles.SECRET_EXAMPLE);
            }
            secret = example;
        }
        Map<String, String> values = values(secret.path("data"), true);
        values.putAll(values(secret.path("stringData"), false));
        return values;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText()))
                .filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst().orElse(null);
    }

    private static Map<String, String> values(JsonNode data, boolean base64) {
        Map<String, String> values = new LinkedHashMap<>();
        data.fields().forEachRemaining(e -> values.put(e.getKey(), base64
                ? new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)
                : e.getValue().asText()));
        return values;
    }

    /** Compose's exec (list) form; a shell string would hide the command behind a shell's parsing. */
    private static List<String> execForm(String origin, JsonNode node) {
        if (node.isTextual()) {
            throw new AssertionError(origin + ": write " + node.asText() + " in list form");
        }
        return strings(node);
    }
}

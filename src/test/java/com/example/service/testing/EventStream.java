package com.example.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A server-sent events stream of JSON documents, read on a thread of its own: every event's data
 * is kept, in order, for the test to wait on and look at. Closing ends the connection.
 */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<Stream<String>> response;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with HTTP Basic credentials; fails unless it answers 200 text/event-stream. */
    public static EventStream open(URI url, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Basic " + credentials)
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
                response.body().close();
                throw new AssertionError(url + " answered " + response.statusCode() + " " + type);
            }
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).stripLeading());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(parse(data.toString()));
                    data.setLength(0);
                }
            });
        } catch (UncheckedIOException e) {
            // the stream was closed
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON: " + data, e);
        }
    }

    /** Every event received so far, in order. */
    public List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    /** Waits for an event matching {@code condition}; fails with every event received when none comes in time. */
    public JsonNode await(String what, Duration timeout, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events) {
                if (condition.test(event)) {
                    return event;
                }
            }
            ServiceProcess.sleep(20);
        }
        throw new AssertionError("no event " + what + " within " + timeout + "; received:\n" + events);
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}

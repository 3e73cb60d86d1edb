package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpServer;

/** A webhook endpoint on loopback for tests: keeps every JSON body POSTed to it, in arrival order. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> seen = new ArrayList<>(); // what take() returned, for failure messages
    private final List<String> requestUris = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            requestUris.add(exchange.getRequestURI().toString());
            received.add(ApiClient.JSON.readValue(exchange.getRequestBody().readAllBytes(), new TypeReference<>() {
            }));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The request target (raw path and query) of every POST received, in arrival order. */
    List<String> requestUris() {
        return List.copyOf(requestUris);
    }

    /** The next body received within {@code timeout}; fails saying what arrived before when none does. */
    Map<String, Object> take(Duration timeout) throws InterruptedException {
        Map<String, Object> body = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (body == null) {
            throw new AssertionError("no webhook within " + timeout + "; received before: " + seen);
        }
        seen.add(body);
        return body;
    }

    /** The next {@code count} bodies, each within {@code timeout}. */
    List<Map<String, Object>> take(int count, Duration timeout) throws InterruptedException {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(take(timeout));
        }
        return bodies;
    }

    /** What arrived and was not taken yet, waiting {@code quiet} for late ones. */
    List<Map<String, Object>> rest(Duration quiet) throws InterruptedException {
        List<Map<String, Object>> rest = new ArrayList<>();
        for (Map<String, Object> body; (body = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null;) {
            rest.add(body);
        }
        return rest;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.github.camelsd.component;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Bounds the HTTP requests in flight per server (scheme, host and port). A waiting job holds no request; only submits,
 * polls and downloads do, and without a bound 10,000 jobs submitted at once open 10,000 connections, which overflows
 * the listen queue of the server on the other side. Requests past the bound wait here as queued starts (no thread
 * waits), and a freed slot goes to the next traffic class in turn, so a burst of submits does not starve the polls of
 * jobs already at the API, nor their downloads.
 */
final class SdRequestGate {

    /** What a request is for: the classes take turns for free slots. */
    enum Traffic {
        SUBMIT, POLL, DOWNLOAD
    }

    private static final Traffic[] TURNS = Traffic.values();

    /** One server's slots and waiting requests. */
    private static final class Server {
        int inFlight;
        int turn;
        final Map<Traffic, Queue<Consumer<Runnable>>> waiting = new EnumMap<>(Traffic.class);

        Server() {
            for (Traffic traffic : TURNS) {
                waiting.put(traffic, new ArrayDeque<>());
            }
        }

        /** The next waiting request, taking the classes in turn; null when none waits. */
        Consumer<Runnable> next() {
            for (int i = 0; i < TURNS.length; i++) {
                Traffic traffic = TURNS[(turn + i) % TURNS.length];
                Consumer<Runnable> request = waiting.get(traffic).poll();
                if (request != null) {
                    turn = (traffic.ordinal() + 1) % TURNS.length;
                    return request;
                }
            }
            return null;
        }

        int waitingCount() {
            return waiting.values().stream().mapToInt(Queue::size).sum();
        }
    }

    private final int limit;
    private final Map<ServerKey, Server> servers = new ConcurrentHashMap<>();

    SdRequestGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxRequestsInFlight must be at least 1 (was " + limit + ")");
        }
        this.limit = limit;
    }

    /**
     * Starts {@code request} now if the server has a free slot, else when one is freed. The request is given the
     * runnable that frees its slot; calling it more than once frees the slot once.
     */
    void submit(URI uri, Traffic traffic, Consumer<Runnable> request) {
        Server server = servers.computeIfAbsent(key(uri), k -> new Server());
        synchronized (server) {
            if (server.inFlight >= limit) {
                server.waiting.get(traffic).add(request);
                return;
            }
            server.inFlight++;
        }
        start(server, request);
    }

    private void start(Server server, Consumer<Runnable> request) {
        AtomicBoolean freed = new AtomicBoolean();
        request.accept(() -> {
            if (freed.compareAndSet(false, true)) {
                free(server);
            }
        });
    }

    /** The slot passes straight to the next waiting request, started on the freeing thread (starting never blocks). */
    private void free(Server server) {
        Consumer<Runnable> next;
        synchronized (server) {
            next = server.next();
            if (next == null) {
                server.inFlight--;
                return;
            }
        }
        start(server, next);
    }

    /** Requests to this server's address in flight now (for tests and metrics). */
    int inFlight(URI uri) {
        Server server = servers.get(key(uri));
        if (server == null) {
            return 0;
        }
        synchronized (server) {
            return server.inFlight;
        }
    }

    /** Requests to this server's address waiting for a slot (for tests and metrics). */
    int waiting(URI uri) {
        Server server = servers.get(key(uri));
        if (server == null) {
            return 0;
        }
        synchronized (server) {
            return server.waitingCount();
        }
    }

    /** A server's address; the URI's own strings, so a call neither builds nor hashes a new one. */
    private record ServerKey(String scheme, String host, int port) {
    }

    private static ServerKey key(URI uri) {
        return new ServerKey(uri.getScheme(), uri.getHost(), uri.getPort());
    }
}

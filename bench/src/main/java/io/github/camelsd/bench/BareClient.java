package io.github.camelsd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline: the same HTTP library the component uses (the JDK client, on an executor of 2 threads; {@code sendAsync}
 * completes its futures on the common pool, whose threads then parse the answer and send the next call), the same JSON
 * library, the same request; nothing else. What the connector adds on top of this is its overhead.
 * <p>
 * {@link #bounded} gives it the connector's bound on requests in flight and nothing more: calls past the bound wait in a
 * queue, and the answer that frees a slot starts the next one. It tells what the bound itself costs a client that adds
 * nothing else, apart from what the connector adds.
 */
final class BareClient implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    private final URI text2img;
    /** Free slots when bounded, null when not (then nothing stands between a call and {@code sendAsync}). */
    private final Semaphore slots;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    BareClient(String baseUrl) {
        this(baseUrl, null);
    }

    private BareClient(String baseUrl, Semaphore slots) {
        this.text2img = URI.create(baseUrl + "/api/v3/text2img");
        this.slots = slots;
    }

    /** A bare client with at most {@code maxRequestsInFlight} requests in flight. */
    static BareClient bounded(String baseUrl, int maxRequestsInFlight) {
        return new BareClient(baseUrl, new Semaphore(maxRequestsInFlight));
    }

    CompletableFuture<Map<String, Object>> text2img(String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", EmulatorProcess.KEY);
        body.put("prompt", prompt);
        body.put("width", 64);
        body.put("height", 64);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(text2img).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (slots == null) {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::parse);
        }
        CompletableFuture<HttpResponse<byte[]>> response = new CompletableFuture<>();
        waiting.add(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((answer, error) -> {
                    // like the connector's gate: the slot is freed, and the next call started, before the caller goes on
                    slots.release();
                    startWaiting();
                    if (error != null) {
                        response.completeExceptionally(error);
                    } else {
                        response.complete(answer);
                    }
                }));
        startWaiting();
        return response.thenApply(this::parse);
    }

    /** Starts waiting calls while slots are free; whoever adds a call or frees a slot runs this, so none is left. */
    private void startWaiting() {
        while (!waiting.isEmpty() && slots.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                slots.release();
            } else {
                next.run();
            }
        }
    }

    private Map<String, Object> parse(HttpResponse<byte[]> response) {
        try {
            Map<String, Object> answer = json.readValue(response.body(), MAP);
            if (!"success".equals(answer.get("status"))) {
                throw new IllegalStateException("unexpected answer " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

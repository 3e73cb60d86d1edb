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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

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
 * <p>
 * {@link #boundedOffCommonPool} gives it the connector's other constraint too: its callers continue on its executor,
 * as the connector's routes continue on its {@code ioThreads}, never on the common pool, where a blocking step after
 * {@code sd:} would hold up every {@code CompletableFuture} of the JVM. It reads the answer from the body as the
 * connector does, so it pays the JDK's no-op hop through the common pool without using it. It tells what a plain
 * client that keeps both of the connector's constraints, and does none of its work, reaches.
 */
final class BareClient implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Marks the executor's threads when callers continue there, so that an answer read on one goes on at once. */
    private static final ThreadLocal<Boolean> ON_EXECUTOR = ThreadLocal.withInitial(() -> false);
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI text2img;
    /** Free slots when bounded, null when not (then nothing stands between a call and {@code sendAsync}). */
    private final Semaphore slots;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Whether callers continue on {@link #executor} rather than on the common pool. */
    private final boolean offCommonPool;

    BareClient(String baseUrl) {
        this(baseUrl, null, false);
    }

    private BareClient(String baseUrl, Semaphore slots, boolean offCommonPool) {
        this.text2img = URI.create(baseUrl + "/api/v3/text2img");
        this.slots = slots;
        this.offCommonPool = offCommonPool;
        this.executor = offCommonPool ? Executors.newFixedThreadPool(2, task -> new Thread(() -> {
            ON_EXECUTOR.set(true);
            task.run();
        })) : Executors.newFixedThreadPool(2);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    /** A bare client with at most {@code maxRequestsInFlight} requests in flight. */
    static BareClient bounded(String baseUrl, int maxRequestsInFlight) {
        return new BareClient(baseUrl, new Semaphore(maxRequestsInFlight), false);
    }

    /** A bounded bare client whose callers continue on its executor, not on the common pool (as the connector's). */
    static BareClient boundedOffCommonPool(String baseUrl, int maxRequestsInFlight) {
        return new BareClient(baseUrl, new Semaphore(maxRequestsInFlight), true);
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
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> parse(response.body()));
        }
        if (offCommonPool) {
            CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
            waiting.add(() -> sendOffCommonPool(request, (bytes, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    try {
                        answer.complete(parse(bytes));
                    } catch (RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                }
            }));
            startWaiting();
            return answer;
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
        return response.thenApply(answer -> parse(answer.body()));
    }

    /**
     * Sends as the connector's transport does: the body is taken as soon as it is read, the slot freed, and {@code done}
     * runs on the executor (at once when the body was read on one of its threads). The future {@code sendAsync} returns
     * is only watched for failures before or instead of a body; the first outcome wins.
     */
    private void sendOffCommonPool(HttpRequest request, BiConsumer<byte[], Throwable> done) {
        AtomicBoolean over = new AtomicBoolean();
        BiConsumer<byte[], Throwable> once = (body, error) -> {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            slots.release();
            startWaiting();
            if (ON_EXECUTOR.get()) {
                done.accept(body, error);
            } else {
                executor.execute(() -> done.accept(body, error));
            }
        };
        client.sendAsync(request, info -> {
            HttpResponse.BodySubscriber<byte[]> body = HttpResponse.BodySubscribers.ofByteArray();
            body.getBody().whenComplete(once);
            return body;
        }).whenComplete((response, error) -> {
            if (error != null) {
                once.accept(null, error);
            }
        });
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

    private Map<String, Object> parse(byte[] body) {
        try {
            Map<String, Object> answer = json.readValue(body, MAP);
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

package io.github.camelsd.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs job results to webhooks, fire and forget as the API does, and remembers what it sent. The URL is called as
 * given (its path and query untouched). A delivery may hit a {@link WebhookFault}: sent late (on the timer, no thread
 * waiting), sent several times, or dropped, which is remembered apart from what was sent.
 */
final class WebhookSender {

    /** The API wants the receiver's answer within 30 s (REFERENCE §5 step 5): so long it waits, no longer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OutboundClient outbound;
    private final WebhookFaults faults;
    private final EmulatorThreads threads;
    private final RequestLog deliveries = new RequestLog();
    private final RequestLog dropped = new RequestLog();
    /** Moves on at each {@link #clear}, so that deliveries still delayed or repeating from before it lapse. */
    private final AtomicLong generation = new AtomicLong();

    WebhookSender(OutboundClient outbound, WebhookFaults faults, EmulatorThreads threads) {
        this.outbound = outbound;
        this.faults = faults;
        this.threads = threads;
    }

    /**
     * Sends {@code body} to {@code url}, as the armed webhook fault, if any, has it; completes (never exceptionally)
     * once every copy was answered or failed. Without a delay the first copy is recorded before this returns.
     */
    CompletableFuture<Void> post(String url, Map<String, Object> body) {
        byte[] json = Json.write(body);
        long current = generation.get();
        WebhookFault fault = faults.take(url);
        if (fault != null && fault.drops()) {
            dropped.add(record(url, body, json));
            return CompletableFuture.completedFuture(null);
        }
        int copies = fault == null ? 1 : fault.copies();
        Duration delay = fault == null ? Duration.ZERO : fault.delay();
        if (delay.isZero()) {
            return send(url, body, json, copies, current);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        threads.later(delay, () -> send(url, body, json, copies, current)
                .whenComplete((sent, failed) -> done.complete(null)));
        return done;
    }

    /** The copies one after the other, each once the previous one was answered or failed. */
    private CompletableFuture<Void> send(String url, Map<String, Object> body, byte[] json, int copies, long sentIn) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < copies; i++) {
            chain = chain.thenCompose(previous -> sendOnce(url, body, json, sentIn));
        }
        return chain;
    }

    private CompletableFuture<Void> sendOnce(String url, Map<String, Object> body, byte[] json, long sentIn) {
        if (generation.get() != sentIn) {
            return CompletableFuture.completedFuture(null); // a reset came in between: forgotten with its job
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", HttpReply.JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(null); // not a URL the client can call: nothing is sent
        }
        deliveries.add(record(url, body, json));
        // the answer, or a failure to deliver, changes nothing: the API does not retry webhooks either
        return outbound.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((answered, failed) -> null);
    }

    private static RecordedRequest record(String url, Map<String, Object> body, byte[] json) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        return new RecordedRequest("POST", url, path, body, new String(json, StandardCharsets.UTF_8), Instant.now());
    }

    List<RecordedRequest> deliveries() {
        return deliveries.list();
    }

    List<RecordedRequest> dropped() {
        return dropped.list();
    }

    /** Forgets what was sent and dropped; deliveries still delayed or repeating are not sent any more. */
    void clear() {
        generation.incrementAndGet();
        deliveries.clear();
        dropped.clear();
    }
}

package io.github.camelsd.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** POSTs job results to webhooks, fire and forget as the API does, and remembers what it sent. */
final class WebhookSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutboundClient outbound;
    private final Queue<RecordedRequest> deliveries = new ConcurrentLinkedQueue<>();

    WebhookSender(OutboundClient outbound) {
        this.outbound = outbound;
    }

    /** Sends {@code body} to {@code url}; completes (never exceptionally) once it was answered or failed. */
    CompletableFuture<Void> post(String url, Map<String, Object> body) {
        byte[] json = Json.write(body);
        URI uri = URI.create(url);
        deliveries.add(new RecordedRequest("POST", url, uri.getPath(), body, new String(json, StandardCharsets.UTF_8),
                Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", HttpReply.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        // the answer, or a failure to deliver, changes nothing: the API does not retry webhooks either
        return outbound.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((answered, failed) -> null);
    }

    List<RecordedRequest> deliveries() {
        return List.copyOf(deliveries);
    }

    void clear() {
        deliveries.clear();
    }
}

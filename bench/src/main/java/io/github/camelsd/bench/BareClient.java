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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline: the same HTTP library the component uses (the JDK client, on an executor of 2 threads; {@code sendAsync}
 * completes its futures on the common pool, whose threads then parse the answer and send the next call), the same JSON
 * library, the same request; nothing else. What the connector adds on top of this is its overhead.
 */
final class BareClient implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    private final URI text2img;

    BareClient(String baseUrl) {
        this.text2img = URI.create(baseUrl + "/api/v3/text2img");
    }

    CompletableFuture<Map<String, Object>> text2img(String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", EmulatorProcess.KEY);
        body.put("prompt", prompt);
        body.put("width", 64);
        body.put("height", 64);
        try {
            HttpRequest request = HttpRequest.newBuilder(text2img).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
                try {
                    Map<String, Object> answer = json.readValue(response.body(), MAP);
                    if (!"success".equals(answer.get("status"))) {
                        throw new IllegalStateException("unexpected answer " + answer);
                    }
                    return answer;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

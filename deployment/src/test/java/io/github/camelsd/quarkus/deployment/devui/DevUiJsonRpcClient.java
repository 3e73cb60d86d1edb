package io.github.camelsd.quarkus.deployment.devui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls JSON-RPC methods of a running Dev UI over its WebSocket ({@code /q/dev-ui/json-rpc-ws}), as the Dev UI's own
 * pages do: one request per call, answered by id.
 */
final class DevUiJsonRpcClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    DevUiJsonRpcClient(int httpPort) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create("ws://localhost:" + httpPort + "/q/dev-ui/json-rpc-ws"), new Answers())
                .get(30, TimeUnit.SECONDS);
    }

    /**
     * What {@code method} returned when called with {@code params} (the {@code object} of the answer's {@code result});
     * fails with the answer's error.
     */
    JsonNode call(String method, Map<String, Object> params, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        String request = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        socket.sendText(request, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " answered an error: " + response.get("error"));
        }
        return response.path("result").path("object");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /** Collects each text message (it may come in parts) and completes the call its id names. */
    private final class Answers implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode response = JSON.readTree(message.toString());
                    CompletableFuture<JsonNode> call = response.has("id") ? calls.remove(response.get("id").asInt()) : null;
                    if (call != null) {
                        call.complete(response);
                    }
                } catch (Exception e) {
                    calls.values().forEach(call -> call.completeExceptionally(e));
                } finally {
                    message.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}

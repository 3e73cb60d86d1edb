package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test's view of the emulator: plain java.net.http calls, as any client of the API makes them. */
final class ApiClient {

    static final String KEY = "test-key";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, content type and bytes, readable as JSON. */
    record Reply(int status, String contentType, byte[] bytes) {

        Map<String, Object> json() {
            try {
                return JSON.readValue(bytes, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + text(), e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String field) {
            return (Map<String, Object>) json().get(field);
        }

        @SuppressWarnings("unchecked")
        List<String> list(String field) {
            return (List<String>) json().get(field);
        }
    }

    /**
     * Connect timeout: generous, since no test measures it, and a thousand connects at once on a busy 2-core machine
     * wait for the client's own selector thread (2 s failed once while other builds ran).
     */
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    private final String baseUrl;

    ApiClient(SdEmulator emulator) {
        this.baseUrl = emulator.baseUrl();
    }

    /** A body with the test key and these fields, in order. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    Reply post(String path, Map<String, Object> body) {
        try {
            return postRaw(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply postRaw(String path, String body) {
        try {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
    }

    Reply get(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends as is; transport failures surface as IOException. */
    Reply send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

package io.github.camelsd.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server itself: routing, many clients at once, several instances, lifecycle and the command line. */
class ServerTest {

    @Test
    void unknownPathsAre404AndOtherMethodsThanPost405() throws IOException {
        try (SdEmulator emulator = SdEmulator.builder().apiKey(ApiClient.KEY).build().start()) {
            ApiClient api = new ApiClient(emulator);

            ApiClient.Reply unknown = api.post("/api/v3/nothing_here", body());
            assertEquals(404, unknown.status());
            assertEquals(Map.of("status", "error", "message", "Not found"), unknown.json());
            assertEquals(404, api.post("/api/v3/fetch/1/extra", body()).status());

            HttpResponse<String> get = api.http.send(
                    HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v3/text2img")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
            assertTrue(get.body().contains("The GET method is not supported for this route."), get.body());

            assertEquals(List.of("/api/v3/nothing_here", "/api/v3/fetch/1/extra", "/api/v3/text2img"),
                    emulator.requests().stream().map(RecordedRequest::path).toList());
            assertEquals(1, emulator.requestCount("/api/v3/fetch"));
            RecordedRequest first = emulator.requests().get(0);
            assertEquals("POST", first.method());
            assertEquals(emulator.baseUrl() + "/api/v3/nothing_here", first.url());
            assertEquals(ApiClient.KEY, first.body().get("key"));
            assertEquals("{\"key\":\"" + ApiClient.KEY + "\"}", first.rawBody());
            assertEquals(null, emulator.requests().get(2).body(), "a GET has no JSON body");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aThousandClientsAtOnceAreServedByAFixedNumberOfThreads() {
        try (SdEmulator emulator = SdEmulator.builder().apiKey(ApiClient.KEY).spamFilterWindow(Duration.ZERO)
                .queueLimit(10_000).processingTime(Duration.ofSeconds(30)).build().start()) {
            ApiClient api = new ApiClient(emulator);
            List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 1_000)
                    .mapToObj(i -> api.http.sendAsync(api.request("/api/v3/text2img").POST(
                            HttpRequest.BodyPublishers.ofString("{\"key\":\"" + ApiClient.KEY
                                                                + "\",\"prompt\":\"client " + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            replies.forEach(reply -> assertEquals(200, reply.join().statusCode()));

            assertEquals(1_000, api.post("/api/v3/system_load", body()).json().get("queue_num"));
            assertEquals(1_000, emulator.mostJobsProcessing(ApiClient.KEY));
            assertEquals(0, emulator.queueFullAnswers());
            assertEquals(9, emulatorThreads(emulator), "8 workers and a timer, however many clients");
        }
    }

    @Test
    void instancesAreIndependentAndCloseReleasesPortAndThreads() throws IOException {
        SdEmulator first = SdEmulator.builder().apiKey("first").build().start();
        SdEmulator second = SdEmulator.builder().apiKey("second").build().start();
        int port = first.port();
        try {
            assertNotEquals(first.port(), second.port());
            assertEquals("http://127.0.0.1:" + port, first.baseUrl());
            ApiClient toFirst = new ApiClient(first);
            assertEquals("success", toFirst.post("/api/v3/text2img", Map.of("key", "first", "prompt", "a"))
                    .json().get("status"));
            assertEquals("Invalid Api Key", toFirst.post("/api/v3/text2img", Map.of("key", "second", "prompt", "a"))
                    .json().get("message"));
            assertEquals(2, first.requestCount());
            assertEquals(0, second.requestCount());
        } finally {
            first.close();
            first.close();
            second.close();
        }
        assertEquals(0, emulatorThreads(first));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
        try (SdEmulator fixed = SdEmulator.builder().port(port).build().start()) {
            assertEquals(port, fixed.port());
            assertEquals("Invalid Api Key", new ApiClient(fixed).post("/api/v3/system_load", Map.of("key", "x"))
                    .json().get("message"));
            assertEquals("ok", new ApiClient(fixed).post("/api/v3/system_load", Map.of("key", "emulator-key"))
                    .json().get("status"), "the default key");
        }
    }

    @Test
    void misuseIsRefused() {
        SdEmulator notStarted = SdEmulator.builder().build();
        assertThrows(IllegalStateException.class, notStarted::baseUrl);
        assertThrows(IllegalArgumentException.class, () -> SdEmulator.builder().queueLimit(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> SdEmulator.builder().processingTime(Duration.ofMillis(-1)).build());
        try (SdEmulator started = SdEmulator.builder().build().start()) {
            assertThrows(IllegalStateException.class, started::start);
            assertThrows(IllegalArgumentException.class, () -> started.setSpamFilterWindow(Duration.ofSeconds(-1)));
        }
    }

    @Test
    void theCommandLineConfiguresTheEmulator() {
        try (SdEmulator emulator = SdEmulator.Builder.fromArgs(new String[] { "--port", "0", "--key", "a",
                "--key", "b", "--processing-ms", "30000", "--spam-window-ms", "0", "--queue-limit", "1" })
                .build().start()) {
            ApiClient api = new ApiClient(emulator);
            assertEquals("processing", api.post("/api/v3/text2img", Map.of("key", "a", "prompt", "x"))
                    .json().get("status"));
            assertEquals(429, api.post("/api/v3/text2img", Map.of("key", "a", "prompt", "x")).status(),
                    "the queue limit of 1 comes before the (disabled) spam filter would");
            assertEquals(200, api.post("/api/v3/text2img", Map.of("key", "b", "prompt", "x")).status());
            assertEquals(1, emulator.mostJobsProcessing("a"), "the refused job was never processing");
            assertEquals(1, emulator.queueFullAnswers());
            emulator.reset();
            assertEquals(0, emulator.mostJobsProcessing("a"));
            assertEquals(0, emulator.queueFullAnswers());
        }
        assertThrows(IllegalArgumentException.class, () -> SdEmulator.Builder.fromArgs(new String[] { "--port" }));
        assertThrows(IllegalArgumentException.class,
                () -> SdEmulator.Builder.fromArgs(new String[] { "--port", "eighty" }));
        assertThrows(IllegalArgumentException.class, () -> SdEmulator.Builder.fromArgs(new String[] { "--x", "1" }));
    }

    private static long emulatorThreads(SdEmulator emulator) {
        String prefix = "sd-emulator-" + emulator.port() + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive()).count();
    }
}

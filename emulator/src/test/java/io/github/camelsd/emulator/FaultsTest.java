package io.github.camelsd.emulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault as a client sees it on the wire, and how faults are armed. */
class FaultsTest extends EmulatorTestSupport {

    static final String TEXT2IMG = "/api/v3/text2img";

    ApiClient.Reply generate() {
        return api.post(TEXT2IMG, body("prompt", "a cat"));
    }

    HttpRequest generateRequest() {
        return api.request(TEXT2IMG).POST(HttpRequest.BodyPublishers.ofString(
                "{\"key\":\"" + ApiClient.KEY + "\",\"prompt\":\"a cat\"}")).build();
    }

    @Test
    void httpStatusAnswersAJsonErrorWithThatStatus() {
        emulator.faults().next(Fault.httpStatus(503));
        ApiClient.Reply reply = generate();
        assertEquals(503, reply.status());
        assertEquals("application/json", reply.contentType());
        assertEquals(Map.of("status", "error", "message", "Server Error"), reply.json());

        emulator.faults().next(Fault.httpStatus(402));
        ApiClient.Reply credits = generate();
        assertEquals(402, credits.status());
        assertTrue(((String) credits.json().get("message")).contains("credits"), credits.text());
    }

    @Test
    void rateLimitedAnswers429WithOrWithoutRetryAfter() {
        emulator.faults().next(Fault.rateLimited(7)).next(Fault.rateLimited(null));
        ApiClient.Reply with = generate();
        assertEquals(429, with.status());
        assertEquals(Map.of("status", "error", "message", "Rate limit exceeded. Maximum 5 queued requests allowed.",
                "retry_after", 7), with.json());
        ApiClient.Reply without = generate();
        assertEquals(429, without.status());
        assertFalse(without.json().containsKey("retry_after"));
    }

    @Test
    void malformedJsonIsJsonInNameOnly() {
        emulator.faults().next(Fault.malformedJson());
        ApiClient.Reply reply = generate();
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        assertThrows(JsonProcessingException.class, () -> ApiClient.JSON.readTree(reply.bytes()));
    }

    @Test
    void htmlPageIsAProxysErrorPage() {
        emulator.faults().next(Fault.htmlPage(502));
        ApiClient.Reply reply = generate();
        assertEquals(502, reply.status());
        assertEquals("text/html", reply.contentType());
        assertTrue(reply.text().contains("<title>502 Bad Gateway</title>"), reply.text());
    }

    @Test
    void generationFailedAnswersTheFailedBody() {
        emulator.faults().next(Fault.generationFailed());
        assertEquals(Map.of("status", "failed", "id", "", "message", "Failed, Try Again", "output", ""),
                generate().json());
    }

    @Test
    void aTruncatedBodyAndADroppedConnectionAreIOExceptionsAndTheServerCarriesOn() {
        emulator.faults().next(Fault.truncatedBody()).next(Fault.dropConnection());
        IOException truncated = assertThrows(IOException.class, () -> api.send(generateRequest()));
        IOException dropped = assertThrows(IOException.class, () -> api.send(generateRequest()));
        assertFalse(truncated instanceof HttpTimeoutException, truncated.toString());
        assertFalse(dropped instanceof HttpTimeoutException, dropped.toString());

        assertEquals("success", generate().json().get("status"));
        assertEquals(3, emulator.requestCount(TEXT2IMG), "faulted requests are recorded too");
    }

    @Test
    void latencyDelaysTheNormalAnswer() {
        emulator.faults().next(Fault.latency(Duration.ofMillis(300)));
        long start = System.nanoTime();
        ApiClient.Reply reply = generate();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 300, "answered after " + millis + " ms, before the 300 ms latency");
        assertEquals("success", reply.json().get("status"));
    }

    @Test
    void latencyHoldsNoThreadManyLateAnswersOverlap() throws InterruptedException {
        // 40 answers held 5 s each: were a held answer to keep one of the 8 workers, only 8 requests would be read
        // until the first answers went out. All 40 are read and recorded while every answer is still held.
        emulator.faults().next(Fault.latency(Duration.ofSeconds(5)), 40);
        List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 40)
                .mapToObj(i -> api.http.sendAsync(generateRequest(), HttpResponse.BodyHandlers.ofString())).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (emulator.requestCount(TEXT2IMG) < 40 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        long answered = replies.stream().filter(CompletableFuture::isDone).count();
        assertEquals(40, emulator.requestCount(TEXT2IMG), "requests read while " + answered + " answers went out");
        assertEquals(0, answered, "answers out before their latency");
        replies.forEach(reply -> assertEquals(200, reply.join().statusCode()));
    }

    @Test
    void aClientThatGivesUpOnALateAnswerLeavesTheServerHealthy() {
        emulator.faults().next(Fault.latency(Duration.ofMillis(400)));
        HttpRequest impatient = HttpRequest.newBuilder(generateRequest(), (name, value) -> true)
                .timeout(Duration.ofMillis(100)).build();
        assertThrows(HttpTimeoutException.class, () -> api.send(impatient));
        assertEquals("success", generate().json().get("status"));
    }

    @Test
    void faultsAreTakenInOrderForTheirCountAndPathsOnly() {
        emulator.faults()
                .forPath("/api/v3/system_load", Fault.httpStatus(500), 2)
                .next(Fault.httpStatus(502), 2)
                .next(Fault.httpStatus(503));

        assertEquals(500, api.post("/api/v3/system_load", body()).status());
        assertEquals(502, generate().status(), "a path fault leaves other paths alone");
        assertEquals(500, api.post("/api/v3/system_load", body()).status(), "the oldest matching fault first");
        assertEquals(502, api.post("/api/v3/system_load", body()).status());
        assertEquals(503, api.post("/api/v3/system_load", body()).status());
        assertEquals(200, api.post("/api/v3/system_load", body()).status());
        assertEquals(200, generate().status());
    }

    @Test
    void imageDownloadsTakeOnlyFaultsArmedForTheirPathAndAreCounted() {
        String image = generate().list("output").get(0);
        emulator.faults().next(Fault.dropConnection());
        assertEquals(200, api.get(image).status());
        assertThrows(IOException.class, () -> api.send(generateRequest()), "the fault waited for an API request");

        emulator.faults().forPath("/generations/", Fault.httpStatus(503), 2);
        assertEquals(503, api.get(image).status());
        assertEquals(503, api.get(image).status());
        assertEquals(200, api.get(image).status());
        assertEquals(4, emulator.downloadCount(), "faulted downloads count too");
        assertEquals(2, emulator.requestCount(), "downloads are not API requests");
    }

    @Test
    void randomFaultsAreReproducibleForASeed() {
        List<Fault> mix = List.of(Fault.httpStatus(500), Fault.httpStatus(503), Fault.rateLimited(1));
        emulator.faults().randomly(0.3, 42L, mix);
        List<Integer> first = statuses(100);
        emulator.faults().clear();
        assertEquals(List.of(200, 200, 200), statuses(3), "clear disarms");
        emulator.faults().randomly(0.3, 42L, mix);
        assertEquals(first, statuses(100));

        long faulted = first.stream().filter(status -> status != 200).count();
        assertTrue(faulted > 15 && faulted < 45, faulted + " of 100");
        assertTrue(first.containsAll(List.of(500, 503, 429)), first.toString());
    }

    @Test
    void resetDisarmsFaults() {
        emulator.faults().next(Fault.httpStatus(500), 5).randomly(1.0, 1L, List.of(Fault.httpStatus(503)));
        emulator.reset();
        assertEquals(200, generate().status());
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Fault.httpStatus(42));
        assertThrows(IllegalArgumentException.class, () -> Fault.latency(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> emulator.faults().next(Fault.malformedJson(), 0));
        assertThrows(IllegalArgumentException.class, () -> emulator.faults().randomly(1.5, 1L, List.of(Fault.dropConnection())));
        assertEquals("latency(PT0.3S)", Fault.latency(Duration.ofMillis(300)).toString());
    }

    private List<Integer> statuses(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(api.post("/api/v3/system_load", body()).status());
        }
        return statuses;
    }
}

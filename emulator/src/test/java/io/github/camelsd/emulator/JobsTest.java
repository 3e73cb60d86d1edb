package io.github.camelsd.emulator;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs over time: processing and fetch, failures, the spam filter, the queue limit, system load and webhooks. */
class JobsTest extends EmulatorTestSupport {

    static final String OTHER_KEY = "other-key";

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.apiKey(OTHER_KEY);
    }

    @Test
    void aQueuedV3JobIsFetchedUntilItSucceedsWithTheAnnouncedLinks() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(300));
        ApiClient.Reply queued = api.post("/api/v3/text2img", body("prompt", "a slow painting", "samples", 2));

        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"));
        Number id = (Number) json.get("id");
        double eta = ((Number) json.get("eta")).doubleValue();
        assertTrue(eta > 0 && eta <= 0.3, "eta " + eta);
        assertEquals("Try to fetch request after given estimated time", json.get("messege"), "V3 spells it messege");
        assertFalse(json.containsKey("message"));
        assertEquals(emulator.baseUrl() + "/api/v3/fetch/" + id, json.get("fetch_result"));
        assertEquals(List.of(), json.get("output"));
        assertNotNull(json.get("tip"));
        assertEquals(2, queued.map("meta").get("n_samples"));
        List<String> futureLinks = queued.list("future_links");
        assertEquals(2, futureLinks.size());

        ApiClient.Reply fetched = fetchUntilDone("/api/v3/fetch/" + id);
        assertEquals("success", fetched.json().get("status"));
        assertEquals(id, fetched.json().get("id"));
        assertEquals(futureLinks, fetched.list("output"));
        assertEquals(200, api.get(futureLinks.get(1)).status());
    }

    @Test
    void aQueuedV6JobSpellsMessageAndFetchesOnItsOwnPath() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(300));
        ApiClient.Reply queued = api.post("/api/v6/realtime/text2img", body("prompt", "a slow painting"));

        Map<String, Object> json = queued.json();
        assertEquals("Try to fetch request after given estimated time", json.get("message"));
        assertFalse(json.containsKey("messege"));
        String fetchPath = "/api/v6/realtime/fetch/" + json.get("id");
        assertEquals(emulator.baseUrl() + fetchPath, json.get("fetch_result"));
        ApiClient.Reply fetched = fetchUntilDone(fetchPath);
        assertEquals(queued.list("future_links"), fetched.list("proxy_links"));
    }

    @Test
    void aJobThatFailsWhileProcessingIsAnsweredProcessingThenFailed() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(200));
        emulator.faults().next(Fault.failWhileProcessing());
        ApiClient.Reply queued = api.post("/api/v3/text2img", body("prompt", "doomed"));
        assertEquals("processing", queued.json().get("status"));

        Object id = queued.json().get("id");
        assertEquals(Map.of("status", "failed", "id", String.valueOf(id), "message", "Failed, Try Again", "output", ""),
                fetchUntilDone("/api/v3/fetch/" + id).json());

        emulator.setProcessingTime(Duration.ZERO);
        emulator.faults().next(Fault.failWhileProcessing());
        ApiClient.Reply instant = api.post("/api/v3/text2img", body("prompt", "doomed at once"));
        assertEquals("processing", instant.json().get("status"), "a failing job is never answered success");
        assertEquals("failed", api.post("/api/v3/fetch/" + instant.json().get("id"), body()).json().get("status"));
    }

    @Test
    void unknownJobsAndOtherKeysJobsAreNotFound() {
        Object id = api.post("/api/v3/text2img", body("prompt", "mine")).json().get("id");

        Map<String, Object> notFound = Map.of("status", "error", "message", "Request not found");
        assertEquals(notFound, api.post("/api/v3/fetch/1", body()).json());
        assertEquals(notFound, api.post("/api/v3/fetch/abc", body()).json());
        assertEquals(notFound, api.post("/api/v3/fetch/" + id, Map.of("key", OTHER_KEY)).json());
        ApiClient.Reply v6 = api.post("/api/v6/realtime/fetch/1", body());
        assertEquals(404, v6.status());
        assertEquals(notFound, v6.json());
        assertEquals("success", api.post("/api/v3/fetch/" + id, body()).json().get("status"));
    }

    @Test
    void theSpamFilterRefusesAnIdenticalRequestWithinItsWindow() {
        emulator.setSpamFilterWindow(Duration.ofSeconds(30));
        assertEquals("success", api.post("/api/v3/text2img", body("prompt", "same", "seed", 1)).json().get("status"));

        ApiClient.Reply repeated = api.postRaw("/api/v3/text2img",
                "{\"seed\":1,\"prompt\":\"same\",\"key\":\"" + ApiClient.KEY + "\"}");
        assertEquals(200, repeated.status());
        assertEquals(Map.of("status", "error", "message", "Rate limit exceeded", "tips",
                "You have sent the same request multiple times, spam filter activated, wait for 30 seconds"),
                repeated.json(), "the same fields in another order are the same request");

        assertEquals("success", api.post("/api/v3/text2img", body("prompt", "same", "seed", 2)).json().get("status"));
        assertEquals("success", api.post("/api/v3/text2img", Map.of("key", OTHER_KEY, "prompt", "same", "seed", 1))
                .json().get("status"), "the key is part of the request");
        assertEquals("success", api.post("/api/v6/realtime/text2img", body("prompt", "same", "seed", 1))
                .json().get("status"), "and so is the path");
        Object id = api.post("/api/v3/text2img", body("prompt", "fetched twice")).json().get("id");
        assertEquals("success", api.post("/api/v3/fetch/" + id, body()).json().get("status"));
        assertEquals("success", api.post("/api/v3/fetch/" + id, body()).json().get("status"), "fetch is not filtered");
    }

    @Test
    void theSpamFilterForgetsAfterItsWindowAndIsOffWithZero() throws InterruptedException {
        // each check only gets more certain if the machine stalls: a repeat well inside a long window, then the
        // same request well past a window shortened to 50 ms (the window in force is the one asked at request time)
        emulator.setSpamFilterWindow(Duration.ofSeconds(30));
        assertEquals("success", api.post("/api/v3/text2img", body("prompt", "again")).json().get("status"));
        assertEquals("error", api.post("/api/v3/text2img", body("prompt", "again")).json().get("status"),
                "a repeat inside the window");
        emulator.setSpamFilterWindow(Duration.ofMillis(50));
        TimeUnit.MILLISECONDS.sleep(100);
        assertEquals("success", api.post("/api/v3/text2img", body("prompt", "again")).json().get("status"),
                "the same request after the window");

        emulator.setSpamFilterWindow(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            assertEquals("success", api.post("/api/v3/text2img", body("prompt", "again")).json().get("status"));
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterPerKey() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        emulator.setQueueLimit(2);
        api.post("/api/v3/text2img", body("prompt", "one"));
        api.post("/api/v6/realtime/text2img", body("prompt", "two"));

        ApiClient.Reply full = api.post("/api/v3/text2img", body("prompt", "three"));
        assertEquals(429, full.status());
        assertEquals(Map.of("status", "error", "message", "Rate limit exceeded. Maximum 2 queued requests allowed.",
                "retry_after", 30), full.json());
        assertEquals("processing", api.post("/api/v3/text2img", Map.of("key", OTHER_KEY, "prompt", "other"))
                .json().get("status"), "the limit is per key");
    }

    @Test
    void theQueueLimitHoldsUnderConcurrentRequestsAndFreesAsJobsFinish() throws Exception {
        // long enough that no job can finish while the 20 requests arrive, even on a loaded machine
        emulator.setProcessingTime(Duration.ofMillis(1500));
        long sent = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 20)
                .mapToObj(i -> api.http.sendAsync(api.request("/api/v3/text2img")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"key\":\"" + ApiClient.KEY + "\",\"prompt\":\"p" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        long accepted = replies.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        long answeredAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertEquals(5, accepted, "accepted of 20 concurrent requests, all answered after " + answeredAfter + " ms");

        // the five finish after 1.5 s; from then on a slot is free again
        String later = "rate limited";
        for (int attempt = 0; attempt < 100 && !"processing".equals(later); attempt++) {
            TimeUnit.MILLISECONDS.sleep(50);
            later = String.valueOf(api.post("/api/v3/text2img", body("prompt", "later " + attempt)).json().get("status"));
        }
        assertEquals("processing", later, "a slot freed once the first jobs finished");
    }

    @Test
    void systemLoadReportsTheJobsProcessing() {
        assertEquals(Map.of("queue_num", 0, "queue_time", 0.0, "status", "ok"),
                api.post("/api/v3/system_load", body()).json());

        emulator.setProcessingTime(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            api.post("/api/v3/text2img", body("prompt", "queued " + i));
        }
        emulator.setProcessingTime(Duration.ZERO);
        api.post("/api/v3/text2img", body("prompt", "done at once"));

        Map<String, Object> load = api.post("/api/v3/system_load", body()).json();
        assertEquals(3, load.get("queue_num"));
        double seconds = ((Number) load.get("queue_time")).doubleValue();
        assertTrue(seconds > 85 && seconds <= 90, "queue_time " + seconds);
    }

    @Test
    void webhooksGetTheResultWithTheTrackId() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(ApiClient.JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try {
            Object id = api.post("/api/v3/text2img", body("prompt", "at once", "webhook", hook, "track_id", "t-1"))
                    .json().get("id");
            Map<String, Object> atOnce = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(atOnce, "webhook of a job done at once");
            assertEquals("success", atOnce.get("status"));
            assertEquals(id, atOnce.get("id"));
            assertEquals("t-1", atOnce.get("track_id"));
            assertEquals(1, ((List<?>) atOnce.get("output")).size());

            emulator.setProcessingTime(Duration.ofMillis(200));
            long queuedAt = System.nanoTime();
            api.post("/api/v6/realtime/text2img", body("prompt", "queued", "webhook", hook, "track_id", 7));
            Map<String, Object> later = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(later, "webhook of a queued job");
            long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queuedAt);
            assertTrue(after >= 190, "sent when done (200 ms), not after " + after + " ms");
            assertEquals(7, later.get("track_id"));
            assertNotNull(later.get("proxy_links"));

            emulator.faults().next(Fault.failWhileProcessing());
            Object failedId = api.post("/api/v3/text2img", body("prompt", "doomed", "webhook", hook,
                    "track_id", "t-3")).json().get("id");
            assertEquals(Map.of("status", "failed", "id", String.valueOf(failedId), "message", "Failed, Try Again",
                    "track_id", "t-3"), received.poll(5, TimeUnit.SECONDS));

            List<RecordedRequest> deliveries = emulator.webhookDeliveries();
            assertEquals(3, deliveries.size());
            assertEquals(hook, deliveries.get(0).url());
            assertEquals("/hook", deliveries.get(0).path());
            assertEquals("t-1", deliveries.get(0).body().get("track_id"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void resetForgetsJobsAndTheirPendingWebhooks() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(150));
        Object id = api.post("/api/v3/text2img", body("prompt", "forgotten", "webhook", "http://127.0.0.1:1/hook"))
                .json().get("id");
        emulator.reset();
        assertEquals("error", api.post("/api/v3/fetch/" + id, body()).json().get("status"));
        TimeUnit.MILLISECONDS.sleep(250);
        assertEquals(List.of(), emulator.webhookDeliveries());
        assertEquals(0, api.post("/api/v3/system_load", body()).json().get("queue_num"));
    }

    /** Polls as a client should: after the eta it was given, not in a busy loop. */
    private ApiClient.Reply fetchUntilDone(String fetchPath) throws InterruptedException {
        for (int polls = 0; polls < 20; polls++) {
            ApiClient.Reply reply = api.post(fetchPath, body());
            if (!"processing".equals(reply.json().get("status"))) {
                return reply;
            }
            double eta = ((Number) reply.json().get("eta")).doubleValue();
            TimeUnit.MILLISECONDS.sleep(Math.max(20, (long) (eta * 1000)));
        }
        throw new AssertionError("still processing: " + fetchPath);
    }
}

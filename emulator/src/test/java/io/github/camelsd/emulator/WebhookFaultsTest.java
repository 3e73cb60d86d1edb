package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented webhook payloads, the webhook URL called as given, and the webhook faults: delay, duplicate, drop. */
class WebhookFaultsTest extends EmulatorTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofHours(1);

    @BeforeEach
    void queueJobsUntilCompleted() {
        // jobs stay queued until completeQueuedJobs(), which sends their webhooks at once, on the calling thread
        emulator.setProcessingTime(LONG);
    }

    @Test
    void theSuccessPayloadIsTheFetchedBodyPlusTheTrackIdAsSent() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            List<Object> trackIds = List.of("t-1", 7, 2.5, Map.of("order", List.of(1, "a")), true);
            for (Object trackId : trackIds) {
                Object id = generate(hooks.url(), trackId, "success " + trackId);
                assertEquals(1, emulator.completeQueuedJobs());
                Map<String, Object> hook = hooks.take(WAIT);
                Map<String, Object> expected = new LinkedHashMap<>(fetch(id));
                assertEquals("success", expected.get("status"), expected.toString());
                expected.put("track_id", trackId);
                assertEquals(expected, hook, "track_id " + trackId);
            }
        }
    }

    @Test
    void theFailurePayloadIsStatusIdMessageAndTrackId() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.faults().next(Fault.failWhileProcessing());
            Object id = generate(hooks.url(), 42, "doomed");
            emulator.completeQueuedJobs();
            assertEquals(Map.of("status", "failed", "id", String.valueOf(id), "message", "Failed, Try Again",
                    "track_id", 42), hooks.take(WAIT));
            assertEquals("failed", fetch(id).get("status"));
        }
    }

    @Test
    void theTrainingPayloadIsStatusTrainingStatusLogsAndModelId() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.setTrainingTime(LONG);
            String hook = hooks.url() + "/training?token=abc%2Fdef&x=1";
            Map<String, Object> started = api.post("/api/v3/fine_tune", body("instance_prompt",
                    "photo of adhik person", "class_prompt", "photo of person", "base_model_id", "midjourney",
                    "images", List.of(image("one"), image("two")), "seed", "0", "training_type", "men",
                    "max_train_steps", "4", "webhook", hook)).json();
            String id = (String) started.get("training_id");
            assertEquals(Map.of("status", "success", "training_status", "deploying_gpu",
                    "logs", "it will take upto 25 minutes", "model_id", id), hooks.take(WAIT));

            assertEquals("model_ready", emulator.completeTraining(id));
            List<Map<String, Object>> rest = hooks.take(Training.STAGES.size() - 1, WAIT);
            assertEquals(Training.STAGES.subList(1, Training.STAGES.size()),
                    rest.stream().map(body -> body.get("training_status")).toList());
            for (Map<String, Object> body : rest) {
                assertEquals(Set.of("status", "training_status", "logs", "model_id"), body.keySet(), body.toString());
                assertEquals("success", body.get("status"));
                assertEquals(id, body.get("model_id"));
            }
            assertTrue(hooks.requestUris().stream().allMatch("/hook/training?token=abc%2Fdef&x=1"::equals),
                    hooks.requestUris().toString());
        }
    }

    @Test
    void theWebhookUrlIsCalledWithItsPathAndQueryUnchanged() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            String target = "/hook/cb/a%20b?token=s3cr%2Ft+x&x=1&x=2&empty=&q=%E2%9C%93";
            generate(hooks.url() + target.substring("/hook".length()), "q", "query");
            emulator.completeQueuedJobs();
            assertEquals("q", hooks.take(WAIT).get("track_id"));
            assertEquals(List.of(target), hooks.requestUris());
            RecordedRequest delivery = emulator.webhookDeliveries().get(0);
            assertEquals(hooks.url() + target.substring("/hook".length()), delivery.url());
        }
    }

    @Test
    void aDelayedWebhookComesNoEarlierThanItsDelay() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.webhookFaults().next(WebhookFault.delay(Duration.ofMillis(300)));
            Object id = generate(hooks.url(), "late", "delayed");
            long completedAt = System.nanoTime();
            emulator.completeQueuedJobs();
            assertEquals("success", fetch(id).get("status"), "the job is done though its webhook waits");
            Map<String, Object> hook = hooks.take(WAIT);
            long after = Duration.ofNanos(System.nanoTime() - completedAt).toMillis();
            System.out.println("delayed webhook (300 ms) arrived after " + after + " ms");
            assertTrue(after >= 300, "arrived after " + after + " ms");
            assertEquals(id, hook.get("id"));
            assertEquals(1, emulator.webhookDeliveries().size());

            generate(hooks.url(), "on time", "not delayed"); // the fault was for one delivery
            emulator.completeQueuedJobs();
            assertEquals("on time", hooks.take(WAIT).get("track_id"));
        }
    }

    @Test
    void aDuplicatedWebhookIsDeliveredAsManyTimesAsAsked() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.webhookFaults().next(WebhookFault.duplicate(3));
            Object id = generate(hooks.url(), "thrice", "three times");
            emulator.completeQueuedJobs();
            List<Map<String, Object>> copies = hooks.take(3, WAIT);
            assertEquals(id, copies.get(0).get("id"));
            assertEquals(copies.get(0), copies.get(1));
            assertEquals(copies.get(0), copies.get(2));
            assertEquals(List.of(), hooks.rest(QUIET), "three copies, no more");
            assertEquals(3, emulator.webhookDeliveries().size());

            emulator.webhookFaults().next(WebhookFault.duplicate(), 2);
            for (String trackId : List.of("d-1", "d-2", "once")) {
                generate(hooks.url(), trackId, "job " + trackId);
                emulator.completeQueuedJobs();
                int expected = trackId.equals("once") ? 1 : 2;
                List<Map<String, Object>> received = hooks.take(expected, WAIT);
                assertTrue(received.stream().allMatch(body -> trackId.equals(body.get("track_id"))),
                        received.toString());
                assertEquals(List.of(), hooks.rest(QUIET), trackId + " arrives " + expected + " time(s)");
            }
            assertEquals(3 + 2 + 2 + 1, emulator.webhookDeliveries().size());
        }
    }

    @Test
    void aDroppedWebhookIsNeverSentThoughTheJobCompletes() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.webhookFaults().next(WebhookFault.drop());
            Object dropped = generate(hooks.url(), "lost", "dropped");
            assertEquals(1, emulator.completeQueuedJobs());
            Map<String, Object> fetched = fetch(dropped);
            assertEquals("success", fetched.get("status"), "polling still finds the job");
            assertEquals(dropped, fetched.get("id"));
            assertEquals(List.of(), emulator.webhookDeliveries());
            List<RecordedRequest> lost = emulator.droppedWebhooks();
            assertEquals(1, lost.size());
            assertEquals(hooks.url(), lost.get(0).url());
            assertEquals("lost", lost.get(0).body().get("track_id"));

            Object next = generate(hooks.url(), "kept", "delivered");
            emulator.completeQueuedJobs();
            assertEquals(next, hooks.take(WAIT).get("id"), "the next webhook is sent, the dropped one never");
            assertEquals(List.of(), hooks.rest(QUIET));
            assertEquals(1, emulator.webhookDeliveries().size());
            assertEquals(1, emulator.droppedWebhooks().size());
        }
    }

    @Test
    void aFaultForAUrlLeavesTheOtherWebhooksAlone() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            String a = hooks.url() + "/a";
            String b = hooks.url() + "/b?token=x";
            emulator.webhookFaults().forUrl("/b?", WebhookFault.drop(), 2);
            for (String[] step : new String[][] {{a, "a-1"}, {b, "b-1"}, {a, "a-2"}, {b, "b-2"}, {b, "b-3"}}) {
                generate(step[0], step[1], "job " + step[1]);
                emulator.completeQueuedJobs();
            }
            List<Map<String, Object>> received = hooks.take(3, WAIT);
            assertEquals(Set.of("a-1", "a-2", "b-3"),
                    Set.copyOf(received.stream().map(body -> body.get("track_id")).toList()));
            assertEquals(List.of("b-1", "b-2"),
                    emulator.droppedWebhooks().stream().map(hook -> hook.body().get("track_id")).toList());
            assertEquals(List.of(), hooks.rest(QUIET));
        }
    }

    @Test
    void resetDisarmsTheWebhookFaults() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.webhookFaults().next(WebhookFault.drop(), 5).forUrl("hook", WebhookFault.duplicate(4), 5);
            emulator.reset();
            emulator.setProcessingTime(LONG);
            generate(hooks.url(), "after reset", "reset");
            emulator.completeQueuedJobs();
            assertEquals("after reset", hooks.take(WAIT).get("track_id"));
            assertEquals(List.of(), hooks.rest(QUIET));
            assertEquals(List.of(), emulator.droppedWebhooks());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WebhookFault.delay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> WebhookFault.duplicate(1));
        assertThrows(IllegalArgumentException.class, () -> emulator.webhookFaults().next(WebhookFault.drop(), 0));
        assertThrows(NullPointerException.class, () -> emulator.webhookFaults().forUrl(null, WebhookFault.drop()));
    }

    /** Submits a generation with this webhook and track id; returns its id. */
    private Object generate(String webhook, Object trackId, String prompt) {
        ApiClient.Reply reply = api.post("/api/v3/text2img", body("prompt", prompt, "webhook", webhook,
                "track_id", trackId));
        assertEquals(200, reply.status(), reply.text());
        return reply.json().get("id");
    }

    private Map<String, Object> fetch(Object id) {
        return api.post("/api/v3/fetch/" + id, body()).json();
    }

    /** The URL of a small generated PNG (made at once, whatever the processing time). */
    private String image(String name) {
        emulator.setProcessingTime(Duration.ZERO);
        try {
            return api.post("/api/v3/text2img", body("prompt", "training image " + name, "width", 32, "height", 32))
                    .list("output").get(0);
        } finally {
            emulator.setProcessingTime(LONG);
        }
    }
}

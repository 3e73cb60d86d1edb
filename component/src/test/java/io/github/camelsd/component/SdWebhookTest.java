package io.github.camelsd.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.emulator.Fault;
import io.github.camelsd.emulator.RecordedRequest;
import io.github.camelsd.emulator.WebhookFault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.component.SdOperationsTest.outputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sd:webhook on the embedded server and webhook=auto on the producers, against the emulator's real callbacks over
 * HTTP: jobs complete from their callback with no poll; failed jobs fail alike; duplicates count once; a lost callback
 * is made up for by the fallback poll; callbacks without a valid token never become exchanges.
 */
class SdWebhookTest extends SdEmulatorTestSupport {

    /** Jobs that take long enough to be queued, far shorter than the fallback poll of the producers below. */
    private static final Duration JOB_TIME = Duration.ofMillis(400);
    private static final String AUTO = "sd:text2img?width=64&height=64&webhook=auto&webhookPollInterval=60000";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Exchange> failed = new LinkedBlockingQueue<>();

    @BeforeEach
    void jobsQueue() {
        emulator.setProcessingTime(JOB_TIME);
    }

    @AfterEach
    void noWebhookFaults() {
        emulator.webhookFaults().clear();
        emulator.setTrainingTime(Duration.ZERO);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // trainings re-check rarely, so that a stage seen is a stage called back
        context.getComponent("sd", SdComponent.class).getConfiguration().setTrainingPollInterval(60_000);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failed.add(e.copy()));
                from("sd:webhook?path=/sd/callback&webhookHost=127.0.0.1&webhookMaxBodySize=65536"
                     + "&bridgeErrorHandler=true").routeId("callbacks")
                        .process(e -> received.add(e.copy()));
            }
        };
    }

    private String callbackUrl() {
        return context.getComponent("sd", SdComponent.class).webhookRegistry().localUrl();
    }

    private static List<RecordedRequest> fetches() {
        return emulator.requests().stream().filter(r -> r.path().startsWith("/api/v3/fetch")).toList();
    }

    @Test
    void aQueuedJobCompletesFromItsCallbackWithoutAPoll() {
        Exchange done = send(AUTO, "a harbour at dusk");

        assertNull(done.getException(), () -> "failed: " + done.getException());
        assertEquals(1, outputs(done).size());
        assertEquals(0, done.getMessage().getHeader(SdConstants.POLLS), "completed by the callback");
        assertTrue(fetches().isEmpty(), "no fetch call: " + fetches());
        Map<String, Object> sent = emulator.requests().get(0).body();
        String webhook = (String) sent.get("webhook");
        assertTrue(webhook.startsWith(callbackUrl() + "?token="), "the consumer's URL with a token: " + webhook);
        String token = webhook.substring(webhook.indexOf("token=") + 6);
        assertEquals(token.substring(1, token.indexOf('.')), sent.get("track_id"),
                "a track_id to correlate by: the token's random part, without the MAC that makes it valid");
        assertEquals(1, emulator.webhookDeliveries().size());
        assertTrue(received.isEmpty(), "the callback completed the waiting exchange and was not emitted: " + received);
    }

    @Test
    void aHandedBackJobArrivesAtTheWebhookRouteAsAFinishedJob() throws Exception {
        Exchange queued = send(AUTO + "&waitForResult=false", "a lighthouse");
        assertNull(queued.getException());
        String jobId = queued.getMessage().getBody(String.class);

        Exchange result = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(result, "the callback became an exchange");
        assertEquals(jobId, result.getMessage().getHeader(SdConstants.JOB_ID));
        assertEquals("success", result.getMessage().getHeader(SdConstants.STATUS));
        assertEquals(queued.getMessage().getHeader(SdConstants.FUTURE_LINKS), outputs(result),
                "the images the job announced");
        assertEquals(emulator.requests().get(0).body().get("track_id"),
                result.getMessage().getHeader(SdConstants.TRACK_ID));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "one exchange per callback");
    }

    @Test
    void aFailedJobFailsWithTheExceptionOfPolling() throws Exception {
        emulator.faults().next(Fault.failWhileProcessing());
        Exchange waited = send(AUTO, "a storm");
        SdGenerationFailedException viaCallback = failure(waited, SdGenerationFailedException.class);
        assertTrue(fetches().isEmpty(), "the failure came by callback: " + fetches());
        assertNotNull(viaCallback.getJobId());

        emulator.faults().next(Fault.failWhileProcessing());
        Exchange handedBack = send(AUTO + "&waitForResult=false", "another storm");
        Exchange routed = failed.poll(10, TimeUnit.SECONDS);
        assertNotNull(routed, "the route's error handler got the failed job");
        assertInstanceOf(SdGenerationFailedException.class, routed.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(handedBack.getMessage().getBody(String.class), routed.getMessage().getHeader(SdConstants.JOB_ID));
        assertTrue(received.isEmpty());
    }

    @Test
    void duplicatesCompleteAJobOnce() throws Exception {
        emulator.webhookFaults().next(WebhookFault.duplicate(3), 2);
        Exchange waited = send(AUTO, "a copied fox");
        assertNull(waited.getException());
        Exchange handedBack = send(AUTO + "&waitForResult=false", "a copied owl");

        Exchange first = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertEquals(handedBack.getMessage().getBody(String.class), first.getMessage().getHeader(SdConstants.JOB_ID));
        awaitDeliveries(6);
        assertNull(received.poll(500, TimeUnit.MILLISECONDS), "the copies of a callback are one exchange");
        assertEquals(6, emulator.webhookDeliveries().size(), "three copies of each callback were sent");
    }

    @Test
    void aLostCallbackIsMadeUpForByTheFallbackPoll() {
        emulator.webhookFaults().next(WebhookFault.drop());
        Exchange done = send("sd:text2img?width=64&height=64&webhook=auto&webhookPollInterval=700", "a lost gull");

        assertNull(done.getException(), () -> "failed: " + done.getException());
        assertEquals(1, outputs(done).size());
        assertEquals(1, emulator.droppedWebhooks().size());
        int polls = done.getMessage().getHeader(SdConstants.POLLS, Integer.class);
        assertTrue(polls >= 1 && polls <= 2, "the fallback polled at its own interval, not the eta: " + polls);
    }

    @Test
    void aTrainingIsCompletedByItsStageCallbacks() throws Exception {
        emulator.setTrainingTime(Duration.ofMillis(400));
        String face = outputs(send("sd:text2img?width=64&height=64", "a face")).get(0);
        String train = "sd:fine-tune?instancePrompt=photo of adhik person&classPrompt=photo of a person"
                       + "&baseModelId=sdxl&maxTrainSteps=6&webhook=auto";
        Exchange trained = send(train, Map.of("images", List.of(face, face)));

        assertNull(trained.getException(), () -> "failed: " + trained.getException());
        assertEquals("model_ready", trained.getMessage().getHeader(SdConstants.TRAINING_STAGE));
        assertEquals(0, trained.getMessage().getHeader(SdConstants.POLLS), "the stages came by callback");
        assertEquals(0, emulator.requestCount("/api/v3/fine_tune_status"));

        Exchange handedBack = send(train + "&waitForResult=false", Map.of("images", List.of(face, face)));
        String trainingId = handedBack.getMessage().getBody(String.class);
        List<String> stages = new ArrayList<>();
        while (!stages.contains("model_ready")) {
            Exchange stage = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(stage, "every stage is called back: " + stages);
            assertEquals(trainingId, stage.getMessage().getHeader(SdConstants.TRAINING_ID));
            stages.add(stage.getMessage().getHeader(SdConstants.TRAINING_STAGE, String.class));
        }
        assertEquals("deploying_gpu", stages.get(0), "in order: " + stages);
        assertEquals(stages.size(), new java.util.HashSet<>(stages).size(), "each stage once: " + stages);
    }

    @Test
    void callbacksWithoutAValidTokenAreRefusedAndNeverBecomeExchanges() throws Exception {
        send(AUTO, "a job so that the server has a token format to forge"); // also proves the server is up
        String url = callbackUrl();
        String payload = "{\"status\":\"success\",\"id\":1,\"output\":[\"http://x/y.png\"]}";
        String signedElsewhere = new SdWebhookTokens("another secret").issue(SdWebhookTokens.Use.HANDED_BACK);
        String real = new SdWebhookTokens("s").issue(SdWebhookTokens.Use.HANDED_BACK);
        String tampered = real.charAt(0) + "A" + real.substring(2);

        assertEquals(403, post(url, payload).statusCode(), "no token");
        assertEquals(403, post(url + "?token=" + signedElsewhere, payload).statusCode(), "another secret's token");
        assertEquals(403, post(url + "?token=" + tampered, payload).statusCode(), "a tampered token");
        assertEquals(403, post(url + "?token=w", payload).statusCode(), "not a token");
        assertEquals(413, post(url + "?token=" + signedElsewhere, "x".repeat(100_000)).statusCode(),
                "over webhookMaxBodySize, refused before its token is even read");
        assertEquals(404, post(url + "/elsewhere", payload).statusCode());
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "nothing was emitted");
        assertTrue(failed.isEmpty());
    }

    @Test
    void aValidTokenWithABodyThatIsNotJsonIsABadRequest() throws Exception {
        String token = context.getComponent("sd", SdComponent.class).webhookTokens()
                .issue(SdWebhookTokens.Use.HANDED_BACK);
        assertEquals(400, post(callbackUrl() + "?token=" + token, "<html>").statusCode());
        assertEquals(200, post(callbackUrl() + "?token=" + token,
                "{\"status\":\"success\",\"id\":7,\"output\":[],\"track_id\":\"t\"}").statusCode());
        Exchange emitted = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(emitted);
        assertEquals("7", emitted.getMessage().getHeader(SdConstants.JOB_ID));
    }

    @Test
    void webhookAutoNeedsAUrlToSend() {
        SdComponent other = new SdComponent();
        other.getConfiguration().setBaseUrl(emulator.baseUrl());
        other.getConfiguration().setApiKey(API_KEY);
        context.addComponent("sd-without-consumer", other);
        int before = emulator.requestCount();
        Exchange noUrl = template.send("sd-without-consumer:text2img?webhook=auto", e -> e.getMessage().setBody("y"));
        SdValidationException invalid = failure(noUrl, SdValidationException.class);
        assertTrue(invalid.getFieldErrors().containsKey("webhookUrl"), invalid.getMessage());
        assertEquals(before, emulator.requestCount(), "nothing was sent");
    }

    @Test
    void aThousandJobsCompleteByWebhookWithZeroPolls() throws Exception {
        emulator.setProcessingTime(Duration.ofSeconds(1));
        List<CompletableFuture<Exchange>> jobs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String prompt = "job " + i;
            jobs.add(template.asyncSend(AUTO + "&maxConcurrentJobs=1000", e -> e.getMessage().setBody(prompt)));
        }
        int polls = 0;
        for (CompletableFuture<Exchange> job : jobs) {
            Exchange done = job.get(60, TimeUnit.SECONDS);
            assertNull(done.getException(), () -> "failed: " + done.getException());
            polls += done.getMessage().getHeader(SdConstants.POLLS, Integer.class);
        }
        assertEquals(0, polls);
        assertTrue(fetches().isEmpty(), "no fetch call reached the emulator");
        assertEquals(1_000, emulator.webhookDeliveries().size());
        assertEquals(0, context.getComponent("sd", SdComponent.class).webhookRegistry().waitingCount(),
                "no job is left waiting for a callback");
    }

    /** Until the emulator has sent that many callbacks; a copy sent is not yet a copy received (see the caller). */
    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.webhookDeliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

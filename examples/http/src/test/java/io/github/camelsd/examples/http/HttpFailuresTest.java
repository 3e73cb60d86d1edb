package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.emulator.Fault;
import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.examples.http.Images.assertPng;
import static io.github.camelsd.examples.http.Images.client;
import static io.github.camelsd.examples.http.Images.pollUntilDone;
import static io.github.camelsd.examples.http.Images.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures of the API, armed on an emulator of the test's own ({@link EmulatorResource}), and the HTTP status each
 * one is answered with. Every answer is searched for the API key.
 */
@QuarkusTest
@TestProfile(HttpFailuresTest.OwnEmulator.class)
class HttpFailuresTest {

    /** The test's emulator instead of Dev Services (turned off at build time; the packaged run: see the IT). */
    public static class OwnEmulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.camel.sd.devservices.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmulatorResource.class));
        }
    }

    SdEmulator emulator;
    KeyNeverAnswered guard;

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
        emulator.setProcessingTime(Duration.ofMillis(500));
        emulator.setSpamFilterWindow(Duration.ZERO);
        guard = new KeyNeverAnswered(EmulatorResource.API_KEY);
    }

    @AfterEach
    void someAnswersWereSearched() {
        assertTrue(guard.checked() > 0, "no answer was searched for the key");
    }

    @Test
    void theApplicationCallsThisEmulator() {
        submit("a fox").then().statusCode(202);
        assertEquals(1, emulator.requestCount("/api/v3/text2img"));
    }

    @Test
    void aCommunityModelsJobIsFetchedFromItsOwnFamily() {
        Response accepted = client(guard).contentType(ContentType.JSON)
                .body(Map.of("prompt", unique("a knight"), "model_id", "sdxl")).when().post("/images");
        accepted.then().statusCode(202);
        String statusUrl = accepted.jsonPath().getString("statusUrl");
        assertEquals("/images/" + accepted.jsonPath().getString("jobId") + "?modelId=sdxl", statusUrl);
        assertEquals(statusUrl, accepted.header("Location"));
        emulator.completeQueuedJobs();
        Response done = client(guard).when().get(statusUrl);
        done.then().statusCode(200).body("images[0].download", equalTo(
                "/images/" + accepted.jsonPath().getString("jobId") + "/0?modelId=sdxl"));
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth/fetch"));
        assertEquals(0, emulator.requestCount("/api/v3/fetch"));
        client(guard).when().get(done.jsonPath().getString("images[0].download"))
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void anUnknownModelIsA400NamingModelId() {
        client(guard).contentType(ContentType.JSON)
                .body(Map.of("prompt", unique("a knight"), "model_id", "no-such-model")).when().post("/images")
                .then().statusCode(400).body("fields.model_id[0]", equalTo("is not a model the API knows"));
    }

    @Test
    void aJobDoneOnSubmitIsAnswered200WithItsImages() {
        emulator.setProcessingTime(Duration.ZERO);
        Response done = submit("an instant fox");
        done.then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images.size()", equalTo(1))
                .header("Location", nullValue());
        String jobId = done.jsonPath().getString("jobId");
        assertEquals("/images/" + jobId, done.header("Content-Location"));
        Response png = client(guard).when().get(done.jsonPath().getString("images[0].download"));
        png.then().statusCode(200).contentType("image/png");
        assertPng(png.asByteArray());
    }

    @Test
    void anInvalidKeyIs401() {
        emulator.faults().next(Fault.httpStatus(401));
        submit("a fox").then().statusCode(401)
                .body("error", equalTo("invalid_api_key"))
                .body("exception", equalTo("SdInvalidKeyException"))
                .body("retryable", equalTo(false));
    }

    @Test
    void noCreditsIs402AndAPremiumFeatureIs403() {
        emulator.faults().next(Fault.httpStatus(402));
        submit("a fox").then().statusCode(402).body("error", equalTo("insufficient_credits"));
        emulator.faults().next(Fault.httpStatus(403));
        submit("a fox").then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void aFullQueueIs429WithTheApisRetryAfter() {
        emulator.faults().next(Fault.rateLimited(7));
        submit("a fox").then().statusCode(429)
                .header("Retry-After", "7")
                .body("error", equalTo("queue_full"))
                .body("retryAfterSeconds", equalTo(7))
                .body("retryable", equalTo(true));
        emulator.faults().next(Fault.rateLimited(null));
        submit("a fox").then().statusCode(429)
                .header("Retry-After", nullValue())
                .body("retryAfterSeconds", nullValue());
    }

    @Test
    void theSpamFilterIs429After30Seconds() {
        emulator.setSpamFilterWindow(Duration.ofSeconds(30));
        String prompt = unique("the same fox");
        client(guard).contentType(ContentType.TEXT).body(prompt).when().post("/images").then().statusCode(202);
        client(guard).contentType(ContentType.TEXT).body(prompt).when().post("/images")
                .then().statusCode(429)
                .header("Retry-After", "30")
                .body("error", equalTo("rate_limited"));
    }

    @Test
    void serverErrorsAndBadAnswersAre502() {
        emulator.faults().next(Fault.httpStatus(503));
        submit("a fox").then().statusCode(502).body("error", equalTo("api_error"))
                .body("exception", equalTo("SdServerException")).body("retryable", equalTo(true));
        emulator.faults().next(Fault.htmlPage(500));
        submit("a fox").then().statusCode(502).body("error", equalTo("api_error"));
        emulator.faults().next(Fault.malformedJson());
        submit("a fox").then().statusCode(502).body("error", equalTo("api_error"));
        emulator.faults().next(Fault.dropConnection());
        submit("a fox").then().statusCode(502).body("error", equalTo("api_unreachable"))
                .body("exception", equalTo("SdTransportException"));
    }

    @Test
    void noAnswerInTimeIs504() {
        emulator.faults().next(Fault.latency(EmulatorResource.RESPONSE_TIMEOUT.plusSeconds(2)));
        submit("a fox").then().statusCode(504).body("error", equalTo("api_timeout"));
    }

    @Test
    void aSyncWaitTimeoutIs504WithTheJobToFetchLater() {
        emulator.setProcessingTime(Duration.ofMinutes(5));
        Response timedOut = client(guard).contentType(ContentType.TEXT).body(unique("a very slow fox"))
                .when().post("/images/sync");
        timedOut.then().statusCode(504)
                .body("error", equalTo("wait_timeout"))
                .body("exception", equalTo("SdWaitTimeoutException"));
        String jobId = timedOut.jsonPath().getString("jobId");
        String statusUrl = timedOut.jsonPath().getString("statusUrl");
        assertEquals("/images/" + jobId, statusUrl);

        client(guard).when().get(statusUrl).then().statusCode(202);
        emulator.completeQueuedJobs();
        pollUntilDone(guard, statusUrl, Duration.ofSeconds(10)).then().statusCode(200)
                .body("status", equalTo("success"));
    }

    @Test
    void aJobThatFailsAtTheApiIs502WhenPolled() {
        emulator.faults().next(Fault.failWhileProcessing());
        Response accepted = submit("a doomed fox");
        accepted.then().statusCode(202);
        Response failed = pollUntilDone(guard, accepted.header("Location"), Duration.ofSeconds(10));
        failed.then().statusCode(502)
                .body("error", equalTo("generation_failed"))
                .body("jobId", equalTo(accepted.jsonPath().getString("jobId")))
                .body("retryable", equalTo(true));
    }

    @Test
    void failuresOfTheFetchAreMappedTheSameWay() {
        Response accepted = submit("a fox");
        accepted.then().statusCode(202);
        emulator.faults().forPath("/api/v3/fetch", Fault.httpStatus(401), 1);
        client(guard).when().get(accepted.header("Location")).then().statusCode(401)
                .body("error", equalTo("invalid_api_key"));
        emulator.faults().forPath("/api/v3/fetch", Fault.rateLimited(3), 1);
        client(guard).when().get(accepted.header("Location") + "/0").then().statusCode(429)
                .header("Retry-After", "3");
    }

    private Response submit(String prompt) {
        return client(guard).contentType(ContentType.TEXT).body(unique(prompt)).when().post("/images");
    }
}

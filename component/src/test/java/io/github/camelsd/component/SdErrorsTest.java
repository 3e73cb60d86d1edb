package io.github.camelsd.component;

import java.time.Duration;
import java.util.Map;

import io.github.camelsd.component.error.SdApiException;
import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdForbiddenException;
import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdImageUnreachableException;
import io.github.camelsd.component.error.SdInsufficientCreditsException;
import io.github.camelsd.component.error.SdInvalidKeyException;
import io.github.camelsd.component.error.SdModelNotFoundException;
import io.github.camelsd.component.error.SdQueueFullException;
import io.github.camelsd.component.error.SdRateLimitException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented error, produced by the emulator over HTTP, arrives as its typed exception. */
class SdErrorsTest extends SdEmulatorTestSupport {

    @Test
    void invalidKeyOnSeedEraPathsComesWithHttp200() {
        SdInvalidKeyException e = failure(send("sd:text2img?apiKey=sk-wrong", "a cat"), SdInvalidKeyException.class);
        assertEquals(200, e.getHttpStatus());
        assertFalse(e.isRetryable());
    }

    @Test
    void invalidKeyOnV6PathsComesWithHttp401() {
        SdInvalidKeyException e = failure(send("sd:text2img?apiVersion=v6&apiKey=sk-wrong", "a cat"),
                SdInvalidKeyException.class);
        assertEquals(401, e.getHttpStatus());
    }

    @Test
    void theApisFieldMapBecomesAValidationException() {
        // v3 allows 30 steps, so the component sends them; the v6 realtime path caps at 20 and answers with its field map
        SdValidationException e = failure(
                send("sd:text2img?path=/api/v6/realtime/text2img&numInferenceSteps=30", "a dog"),
                SdValidationException.class);
        assertTrue(e.isSent());
        assertTrue(e.getFieldErrors().containsKey("num_inference_steps"), e.getFieldErrors().toString());
        assertFalse(e.isRetryable());
    }

    @Test
    void unknownModelInBothDocumentedForms() {
        SdModelNotFoundException v3 = failure(send("sd:text2img?modelId=no-such-model", "a cat"),
                SdModelNotFoundException.class);
        assertFalse(v3.isRetryable());
        failure(send("sd:text2img?apiVersion=v6&modelId=no-such-model", "a cat"), SdModelNotFoundException.class);
    }

    @Test
    void failedGenerationIsRetryable() {
        emulator.faults().next(Fault.generationFailed());
        SdGenerationFailedException e = failure(send("sd:text2img", "a cat"), SdGenerationFailedException.class);
        assertTrue(e.isRetryable());
    }

    @Test
    void aJobThatFailsWhileProcessingCarriesItsId() {
        emulator.setProcessingTime(Duration.ofMillis(300));
        emulator.faults().next(Fault.failWhileProcessing());
        SdGenerationFailedException e = failure(send("sd:text2img", "a cat"), SdGenerationFailedException.class);
        assertNotNull(e.getJobId());
    }

    @Test
    void theSpamFilterIsARateLimitWithTheDocumented30Seconds() {
        emulator.setSpamFilterWindow(Duration.ofSeconds(30));
        assertFalse(send("sd:text2img", "the same request").isFailed());
        SdRateLimitException e = failure(send("sd:text2img", "the same request"), SdRateLimitException.class);
        assertFalse(e instanceof SdQueueFullException, "the spam filter is not the queue limit");
        assertEquals(Duration.ofSeconds(30), e.getRetryAfter());
        assertTrue(e.isRetryable());
    }

    @Test
    void aFullQueueCarriesRetryAfter() {
        emulator.setQueueLimit(1);
        emulator.setProcessingTime(Duration.ofSeconds(30));
        assertFalse(send("sd:text2img?waitForResult=false", "first").isFailed());
        SdQueueFullException e = failure(send("sd:text2img?waitForResult=false", "second"), SdQueueFullException.class);
        assertEquals(429, e.getHttpStatus());
        assertEquals(Duration.ofSeconds(30), e.getRetryAfter());
    }

    @Test
    void http429WithAndWithoutRetryAfter() {
        emulator.faults().next(Fault.rateLimited(7));
        assertEquals(Duration.ofSeconds(7), failure(send("sd:text2img", "a"), SdQueueFullException.class).getRetryAfter());
        emulator.faults().next(Fault.rateLimited(null));
        assertNull(failure(send("sd:text2img", "b"), SdRateLimitException.class).getRetryAfter(),
                "no retry_after: the route's own delay applies");
    }

    @Test
    void accountErrorsByHttpStatus() {
        emulator.faults().next(Fault.httpStatus(402));
        assertFalse(failure(send("sd:text2img", "a"), SdInsufficientCreditsException.class).isRetryable());
        emulator.faults().next(Fault.httpStatus(403));
        assertFalse(failure(send("sd:text2img", "b"), SdForbiddenException.class).isRetryable());
    }

    @Test
    void serverErrorsAreRetryableWhateverTheBody() {
        emulator.faults().next(Fault.httpStatus(503));
        SdServerException json = failure(send("sd:text2img", "a"), SdServerException.class);
        assertEquals(503, json.getHttpStatus());
        assertTrue(json.isRetryable());

        emulator.faults().next(Fault.htmlPage(502));
        assertEquals(502, failure(send("sd:text2img", "b"), SdServerException.class).getHttpStatus());
    }

    @Test
    void malformedJsonIsUnparseable() {
        emulator.faults().next(Fault.malformedJson());
        assertTrue(failure(send("sd:text2img", "a"), SdUnparseableResponseException.class).isRetryable());
    }

    @Test
    void truncatedBodiesAndDroppedConnectionsAreTransportErrors() {
        emulator.faults().next(Fault.truncatedBody());
        assertSame(SdTransportException.Reason.CONNECTION_FAILED,
                failure(send("sd:text2img", "a"), SdTransportException.class).getReason());
        emulator.faults().next(Fault.dropConnection());
        assertSame(SdTransportException.Reason.CONNECTION_FAILED,
                failure(send("sd:text2img", "b"), SdTransportException.class).getReason());
    }

    @Test
    void aSlowAnswerIsAResponseTimeout() {
        emulator.faults().next(Fault.latency(Duration.ofSeconds(3)));
        SdTransportException e = failure(send("sd:text2img?responseTimeout=300", "a"), SdTransportException.class);
        assertSame(SdTransportException.Reason.RESPONSE_TIMEOUT, e.getReason());
        assertTrue(e.getMessage().contains("responseTimeout"), e.getMessage());
    }

    @Test
    void nobodyListeningIsATransportError() {
        SdTransportException e = failure(send("sd:text2img?baseUrl=http://127.0.0.1:1", "a"), SdTransportException.class);
        assertTrue(e.isRetryable());
    }

    @Test
    void aJobThatOutlivesMaxWaitTimesOutWithItsId() {
        emulator.setProcessingTime(Duration.ofSeconds(60));
        SdWaitTimeoutException e = failure(send("sd:text2img?maxWait=400", "a"), SdWaitTimeoutException.class);
        assertNotNull(e.getJobId());
        assertTrue(e.getWaited().toMillis() >= 400);
        assertTrue(e.getMessage().contains(e.getJobId()));
    }

    @Test
    void anUnreachableInputImage() {
        Exchange exchange = send("sd:img2img",
                Map.of("prompt", "a", "init_image", "http://127.0.0.1:1/missing.png"));
        assertFalse(failure(exchange, SdImageUnreachableException.class).isRetryable());
    }

    @Test
    void fetchingAnUnknownJob() {
        failure(send("sd:fetch", "999999999"), SdApiException.class);
    }

    @Test
    void everyExceptionIsACamelExchangeException() {
        emulator.faults().next(Fault.httpStatus(500));
        Exchange exchange = send("sd:text2img", "a");
        SdException e = failure(exchange, SdException.class);
        assertSame(exchange, e.getExchange());
    }
}

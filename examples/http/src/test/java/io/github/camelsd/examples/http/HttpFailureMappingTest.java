package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.error.SdApiException;
import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdForbiddenException;
import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdImageUnreachableException;
import io.github.camelsd.component.error.SdInsufficientCreditsException;
import io.github.camelsd.component.error.SdInvalidKeyException;
import io.github.camelsd.component.error.SdModelNotFoundException;
import io.github.camelsd.component.error.SdNsfwContentException;
import io.github.camelsd.component.error.SdOutputDownloadException;
import io.github.camelsd.component.error.SdQueueFullException;
import io.github.camelsd.component.error.SdRateLimitException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.component.error.SdStagingException;
import io.github.camelsd.component.error.SdTooManyPendingJobsException;
import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole status table of docs/http-example.md, one exception of each kind, including those the HTTP tests cannot
 * provoke through the emulator (a missing key, the component's own queue, NSFW, staging).
 */
class HttpFailureMappingTest {

    @Test
    void eachExceptionHasItsStatusAndCode() {
        assertAnswer(400, "invalid_request", new SdValidationException("width", null, 0,
                Map.of("width", List.of("must be a multiple of 8")), false));
        assertAnswer(500, "not_configured", new SdValidationException("no key", null, 0,
                Map.of("apiKey", List.of("must be set")), false));
        assertAnswer(400, "invalid_request", new SdModelNotFoundException("Model id not found", null, null, 200, null));
        assertAnswer(400, "image_unreachable", new SdImageUnreachableException("unreachable", null, null, 200, null));
        assertAnswer(422, "nsfw_content", new SdNsfwContentException("blanked", null, "1"));
        assertAnswer(401, "invalid_api_key", new SdInvalidKeyException("Invalid Api Key", null, null, 401, null));
        assertAnswer(402, "insufficient_credits", new SdInsufficientCreditsException("credits", null, null, 402, null));
        assertAnswer(403, "forbidden", new SdForbiddenException("premium", null, null, 403, null));
        assertAnswer(429, "queue_full", new SdQueueFullException("full", null, 429, Duration.ofSeconds(7)));
        assertAnswer(429, "rate_limited", new SdRateLimitException("spam", null, 200, Duration.ofSeconds(30)));
        assertAnswer(503, "busy", new SdTooManyPendingJobsException("pending", null));
        assertAnswer(504, "wait_timeout", new SdWaitTimeoutException("slow", null, "1", Duration.ofSeconds(2)));
        assertAnswer(504, "api_timeout", new SdTransportException("timeout", null, null,
                SdTransportException.Reason.RESPONSE_TIMEOUT, null));
        assertAnswer(504, "api_timeout", new SdTransportException("timeout", null, null,
                SdTransportException.Reason.CONNECT_TIMEOUT, null));
        assertAnswer(502, "api_unreachable", new SdTransportException("refused", null, null,
                SdTransportException.Reason.CONNECTION_FAILED, null));
        assertAnswer(502, "generation_failed", new SdGenerationFailedException("failed", null, null, 200, "1"));
        assertAnswer(502, "api_error", new SdServerException("5xx", null, null, 503, null));
        assertAnswer(502, "api_error", new SdUnparseableResponseException("html", null, null, 200, null));
        assertAnswer(502, "api_error", new SdOutputDownloadException("download", null, null, "1", true));
        assertAnswer(502, "api_error", new SdStagingException("staging", null, null));
        assertAnswer(502, "api_error", new SdApiException("Something else", null, null, 200, null));
        assertAnswer(404, "not_found", new SdApiException("Request not found", null, null, 404, "1"));
    }

    @Test
    void retryAfterIsTheApisWait() {
        assertEquals(Duration.ofSeconds(7),
                FailureAnswers.answer(new SdQueueFullException("full", null, 429, Duration.ofSeconds(7))).retryAfter());
        assertEquals(null, FailureAnswers.answer(new SdQueueFullException("full", null, 429, null)).retryAfter());
    }

    private static void assertAnswer(int status, String code, SdException failure) {
        FailureAnswers.Answer answer = FailureAnswers.answer(failure);
        assertEquals(status, answer.status(), failure.getClass().getSimpleName());
        assertEquals(code, answer.code(), failure.getClass().getSimpleName());
    }
}

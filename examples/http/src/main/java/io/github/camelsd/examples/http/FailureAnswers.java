package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import io.github.camelsd.component.error.SdQueueFullException;
import io.github.camelsd.component.error.SdRateLimitException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.component.error.SdTooManyPendingJobsException;
import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * A failure as a JSON answer, {@code {"error": code, "message": ..., "retryable": ..., "exception": ...}}, with the HTTP
 * status that says whose fault it is:
 * <ul>
 * <li>the client's request (400, with {@code fields}: what is wrong with each field, from
 * {@link SdValidationException#getFieldErrors()});</li>
 * <li>the service's account at the API (401 invalid key, 402 no credits, 403 not allowed);</li>
 * <li>a wait the API asks for (429, with Retry-After when the API named it);</li>
 * <li>the API or the way to it (502 bad answer or failed job, 503 this service's own queue is full, 504 no answer in
 * time; a job still running after the wait carries its {@code statusUrl});</li>
 * <li>this service itself (500: no API key configured, or a bug).</li>
 * </ul>
 * Client-side failures carry the component's message, which names fields and values of the request but never the key;
 * the others a fixed text, so that nothing of the service's set-up (addresses, account) reaches clients. The log has
 * the full message.
 */
final class FailureAnswers {

    private static final Logger LOG = Logger.getLogger(FailureAnswers.class);

    private FailureAnswers() {
    }

    /** One failure's answer. */
    record Answer(int status, String code, String message, Duration retryAfter) {
    }

    /** The answer to the exception the route caught: a failure of the component, a refused request, or a bug. */
    static void answer(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof SdException sd) {
            sdFailure(exchange, sd);
        } else if (failure instanceof HttpProblem problem) {
            problem(exchange, problem);
        } else {
            unexpected(exchange, failure);
        }
    }

    private static void sdFailure(Exchange exchange, SdException failure) {
        Answer answer = answer(failure);
        if (answer.status() == 500) {
            LOG.errorf("%s answered %d: %s", exchange.getFromRouteId(), answer.status(), reason(failure));
        } else if (answer.status() > 500) {
            LOG.warnf("%s answered %d: %s", exchange.getFromRouteId(), answer.status(), reason(failure));
        } else {
            LOG.infof("%s answered %d: %s", exchange.getFromRouteId(), answer.status(), reason(failure));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", answer.code());
        body.put("message", answer.message());
        if (failure instanceof SdValidationException invalid && answer.status() == 400) {
            body.put("fields", invalid.getFieldErrors());
        } else if (failure instanceof SdModelNotFoundException) {
            body.put("fields", Map.of("model_id", List.of("is not a model the API knows")));
        }
        body.put("retryable", failure.isRetryable());
        body.put("exception", failure.getClass().getSimpleName());
        Map<String, Object> headers = new LinkedHashMap<>();
        if (answer.retryAfter() != null) {
            long seconds = Math.max(1, (answer.retryAfter().toMillis() + 999) / 1000);
            body.put("retryAfterSeconds", seconds);
            headers.put("Retry-After", seconds);
        }
        if (failure.getJobId() != null && !failure.getJobId().isEmpty()) {
            body.put("jobId", failure.getJobId());
            if (failure instanceof SdWaitTimeoutException) {
                // the job goes on at the API: its result can still be fetched
                body.put("statusUrl", ImageAnswers.statusUrl(failure.getJobId(),
                        exchange.getProperty(ImageRequests.MODEL_ID, String.class)));
            }
        }
        ImageAnswers.json(exchange, answer.status(), body, headers);
    }

    /** The status, code and client-facing message of a failure of the component. */
    static Answer answer(SdException failure) {
        if (failure instanceof SdValidationException invalid && invalid.getFieldErrors().containsKey("apiKey")) {
            // not the client's fault: the service runs without camel.component.sd.api-key (SD_API_KEY)
            return new Answer(500, "not_configured", "this service has no API key configured", null);
        }
        if (failure instanceof SdValidationException) {
            return new Answer(400, "invalid_request", reason(failure), null);
        }
        if (failure instanceof SdModelNotFoundException) {
            return new Answer(400, "invalid_request", reason(failure), null);
        }
        if (failure instanceof SdImageUnreachableException) {
            return new Answer(400, "image_unreachable", reason(failure), null);
        }
        if (failure instanceof SdNsfwContentException) {
            return new Answer(422, "nsfw_content", "the API flagged the image as NSFW and blanked it", null);
        }
        if (failure instanceof SdInvalidKeyException) {
            return new Answer(401, "invalid_api_key", "the Stable Diffusion API rejected this service's API key", null);
        }
        if (failure instanceof SdInsufficientCreditsException) {
            return new Answer(402, "insufficient_credits", "this service's API account has no credits left", null);
        }
        if (failure instanceof SdForbiddenException) {
            return new Answer(403, "forbidden", "this service's API plan does not allow the request", null);
        }
        if (failure instanceof SdQueueFullException queueFull) {
            return new Answer(429, "queue_full", "the API's queue for this service is full", queueFull.getRetryAfter());
        }
        if (failure instanceof SdRateLimitException rateLimit) {
            return new Answer(429, "rate_limited", "the API asks to wait before the same request again",
                    rateLimit.getRetryAfter());
        }
        if (failure instanceof SdTooManyPendingJobsException) {
            return new Answer(503, "busy", "too many images are being made at once; try again later", null);
        }
        if (failure instanceof SdWaitTimeoutException) {
            return new Answer(504, "wait_timeout", "the image was not ready in time; it may still be fetched", null);
        }
        if (failure instanceof SdTransportException transport) {
            return transport.getReason() == SdTransportException.Reason.CONNECTION_FAILED
                    ? new Answer(502, "api_unreachable", "the Stable Diffusion API cannot be reached", null)
                    : new Answer(504, "api_timeout", "the Stable Diffusion API did not answer in time", null);
        }
        if (failure instanceof SdGenerationFailedException) {
            return new Answer(502, "generation_failed", "the API failed to make the image; try again", null);
        }
        if (failure instanceof SdServerException) {
            return new Answer(502, "api_error", "the Stable Diffusion API failed", null);
        }
        if (failure instanceof SdApiException && isUnknownJob(failure)) {
            return new Answer(404, "not_found", "no such job", null);
        }
        return new Answer(502, "api_error", "the Stable Diffusion API answered in a way this service cannot use", null);
    }

    private static void problem(Exchange exchange, HttpProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.code());
        body.put("message", problem.getMessage());
        if (!problem.fields().isEmpty()) {
            body.put("fields", problem.fields());
        }
        ImageAnswers.json(exchange, problem.status(), body, Map.of());
    }

    private static void unexpected(Exchange exchange, Exception failure) {
        LOG.errorf(failure, "%s failed", exchange.getFromRouteId());
        ImageAnswers.json(exchange, 500, Map.of("error", "internal_error", "message", "the service failed"), Map.of());
    }

    /** A fetch of a job the API does not know (a made-up id, or another account's job). */
    private static boolean isUnknownJob(SdException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return failure.getHttpStatus() == 404 || message.contains("not found");
    }

    /** The exception's message without Camel's ". Exchange[...]" suffix. */
    private static String reason(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int suffix = message.indexOf(". Exchange[");
        return suffix < 0 ? message : message.substring(0, suffix);
    }
}

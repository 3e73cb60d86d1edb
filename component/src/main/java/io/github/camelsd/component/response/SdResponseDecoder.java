package io.github.camelsd.component.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelsd.component.SdJson;
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
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;

/**
 * Turns one HTTP answer into an {@link SdResponse} (success, processing, ok) or the typed {@link SdException} the API's
 * error means. The API often answers errors with HTTP 200 and {@code "status":"error"}, newer endpoints with 4xx/5xx and
 * the same body: the body decides first, the HTTP status second.
 */
public final class SdResponseDecoder {

    private static final Pattern WAIT_SECONDS = Pattern.compile("wait for (\\d+) seconds?");
    private static final int SNIPPET = 120;
    /**
     * "prompt is required", "The prompt field is required.", "The max train steps field is required." (Laravel writes
     * the field with spaces), "samples must be between 1 and 4", "output_type is invalid"; several are joined by "; ".
     */
    private static final Pattern PLAIN_VALIDATION = Pattern.compile(
            "(?i)(?:the\\s+)?([a-z][a-z0-9_ ]*?)(?:\\s+field)?\\s+(?:is\\s+required|is\\s+invalid|must\\s+be\\s.+"
            + "|may\\s+not\\s+be\\s.+)\\.?");

    private SdResponseDecoder() {
    }

    /**
     * @param  what          names the call in messages, for example {@code "sd:text2img"}
     * @param  jobId         the job the call concerns (fetch), or null
     * @throws SdException   for every answer that is not a usable result
     */
    public static SdResponse decode(String what, int httpStatus, byte[] body, Exchange exchange, String jobId)
            throws SdException {
        return decided(what, httpStatus, parse(what, httpStatus, body, exchange, jobId), exchange, jobId);
    }

    /**
     * A JSON object that arrived already parsed (a webhook callback, which the API POSTs, HTTP 200 in effect): the same
     * decisions as for an answer.
     */
    public static SdResponse decode(String what, java.util.Map<String, Object> answer, Exchange exchange, String jobId)
            throws SdException {
        return decided(what, 200, new SdResponse(answer), exchange, jobId);
    }

    private static SdResponse decided(String what, int httpStatus, SdResponse response, Exchange exchange, String jobId)
            throws SdException {
        switch (response.status()) {
            case "success", "ok", "processing":
                return response;
            case "failed":
                throw new SdGenerationFailedException(
                        what + " job " + describeJob(response, jobId) + " failed: " + response.messageText(),
                        exchange, null, httpStatus, response.id() != null ? response.id() : jobId);
            case "error":
                throw error(what, httpStatus, response, exchange, jobId);
            case "":
                // a documented answer without a status (nsfw_image_check); one with a message is an unknown error
                if (httpStatus < 300 && !response.raw().isEmpty() && response.message() == null) {
                    return response;
                }
                throw unknownStatus(what, httpStatus, response, exchange, jobId);
            default:
                throw unknownStatus(what, httpStatus, response, exchange, jobId);
        }
    }

    private static SdException unknownStatus(String what, int httpStatus, SdResponse response, Exchange exchange,
                                             String jobId) {
        if (httpStatus >= 400) {
            return byHttpStatus(what, httpStatus, response, exchange, jobId);
        }
        return new SdUnparseableResponseException(
                what + " answered an unknown status '" + response.status() + "' (HTTP " + httpStatus + ")",
                exchange, null, httpStatus, jobId);
    }

    private static SdResponse parse(String what, int httpStatus, byte[] body, Exchange exchange, String jobId)
            throws SdException {
        try {
            return isArray(body) ? SdResponse.ofArray(SdJson.readArray(body)) : new SdResponse(SdJson.readObject(body));
        } catch (IOException e) {
            String snippet = snippet(body);
            if (httpStatus >= 500) {
                throw new SdServerException(what + " failed with HTTP " + httpStatus + ": " + snippet, exchange, e,
                        httpStatus, jobId);
            }
            if (httpStatus == 429) {
                throw new SdQueueFullException(what + " was rate limited (HTTP 429): " + snippet, exchange, httpStatus,
                        null);
            }
            throw new SdUnparseableResponseException(
                    what + " answered something that is not a JSON object (HTTP " + httpStatus + "): " + snippet,
                    exchange, e, httpStatus, jobId);
        }
    }

    private static SdException error(String what, int httpStatus, SdResponse response, Exchange exchange, String jobId) {
        if (response.message() instanceof Map<?, ?> fields) {
            Map<String, List<String>> errors = fieldErrors(fields);
            return new SdValidationException(what + " request rejected by the API: " + errors, exchange, httpStatus, errors,
                    true);
        }
        String message = response.messageText();
        String text = message.toLowerCase(Locale.ROOT);
        Map<String, List<String>> plain = plainValidationErrors(message);
        if (plain != null) {
            return new SdValidationException(what + " request rejected by the API: " + plain, exchange, httpStatus,
                    plain, true);
        }
        String described = what + " failed: " + message + (httpStatus == 200 ? "" : " (HTTP " + httpStatus + ")");
        if (text.contains("rate limit") || httpStatus == 429) {
            Duration retryAfter = retryAfter(response, httpStatus);
            return text.contains("queue") || response.retryAfter() != null
                    ? new SdQueueFullException(described, exchange, httpStatus, retryAfter)
                    : new SdRateLimitException(described, exchange, httpStatus, retryAfter);
        }
        if (text.contains("invalid api key") || text.contains("invalid key") || httpStatus == 401) {
            return new SdInvalidKeyException(described, exchange, null, httpStatus, jobId);
        }
        if (text.contains("model") && text.contains("not found")) {
            return new SdModelNotFoundException(described, exchange, null, httpStatus, jobId);
        }
        if (text.contains("credit") || httpStatus == 402) {
            return new SdInsufficientCreditsException(described, exchange, null, httpStatus, jobId);
        }
        if (httpStatus == 403 || text.contains("premium") || text.contains("not allowed")) {
            return new SdForbiddenException(described, exchange, null, httpStatus, jobId);
        }
        if (text.contains("unable to fetch image")) {
            return new SdImageUnreachableException(described, exchange, null, httpStatus, jobId);
        }
        if (httpStatus >= 500) {
            return new SdServerException(described, exchange, null, httpStatus, jobId);
        }
        return new SdApiException(described, exchange, null, httpStatus, jobId);
    }

    private static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    /**
     * The v6 plain-string validation answers ("prompt is required", "The prompt field is required.", "width must be
     * between 256 and 1024"), with the field they name; null for any other message.
     */
    private static Map<String, List<String>> plainValidationErrors(String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String part : message.split(";")) {
            Matcher validation = PLAIN_VALIDATION.matcher(part.trim());
            if (!validation.matches()) {
                return null;
            }
            errors.computeIfAbsent(validation.group(1).trim().replace(' ', '_').toLowerCase(Locale.ROOT),
                    field -> new java.util.ArrayList<>()).add(part.trim());
        }
        return errors.isEmpty() ? null : errors;
    }

    private static SdException byHttpStatus(String what, int httpStatus, SdResponse response, Exchange exchange,
                                            String jobId) {
        Map<String, Object> asError = new LinkedHashMap<>(response.raw());
        asError.put("status", "error");
        asError.putIfAbsent("message", "HTTP " + httpStatus);
        return error(what, httpStatus, new SdResponse(asError), exchange, jobId);
    }

    /**
     * The API's {@code retry_after}; else the wait the spam filter's tip names; else, for the spam filter (no HTTP 429),
     * its documented 30 seconds; else null: the API did not ask for a particular wait.
     */
    private static Duration retryAfter(SdResponse response, int httpStatus) {
        Double seconds = response.retryAfter();
        if (seconds != null && seconds >= 0) {
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        Matcher wait = WAIT_SECONDS.matcher(response.tips().toLowerCase(Locale.ROOT));
        if (wait.find()) {
            return Duration.ofSeconds(Long.parseLong(wait.group(1)));
        }
        return httpStatus == 429 ? null : SdRateLimitException.SPAM_FILTER_WAIT;
    }

    private static Map<String, List<String>> fieldErrors(Map<?, ?> fields) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        fields.forEach((field, messages) -> errors.put(String.valueOf(field),
                messages instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(messages))));
        return errors;
    }

    private static String describeJob(SdResponse response, String jobId) {
        String id = response.id() != null ? response.id() : jobId;
        return id == null ? "(no id)" : id;
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return "<empty body>";
        }
        return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
    }
}

package io.github.camelsd.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * One HTTP request as the emulator saw it (an API request) or sent it (a webhook delivery).
 *
 * @param method   the HTTP method
 * @param url      the full URL: the emulator's base URL plus the path, or the webhook URL
 * @param path     the URL's path
 * @param body     the body parsed as a JSON object, or null when it is not one
 * @param rawBody  the body as text
 * @param received when it was received (or sent)
 */
public record RecordedRequest(String method, String url, String path, Map<String, Object> body, String rawBody,
        Instant received) {

    public RecordedRequest {
        body = body == null ? null : Collections.unmodifiableMap(body);
    }
}

package io.github.camelsd.component.error;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * The account already has as many queued requests as its plan allows (5, 10 or 15; HTTP 429 with {@code retry_after}).
 */
public class SdQueueFullException extends SdRateLimitException {

    public SdQueueFullException(String message, Exchange exchange, int httpStatus, Duration retryAfter) {
        super(message, exchange, httpStatus, retryAfter);
    }
}

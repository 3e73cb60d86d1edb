package io.github.camelsd.component.error;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * The API refused the request for now: the spam filter (the same request again within 30 seconds) or, as the subclass
 * {@link SdQueueFullException}, the account's queue. Retry after {@link #getRetryAfter()} when the API named a wait.
 */
public class SdRateLimitException extends SdException {

    /** The spam filter documents a 30 second wait and sends no retry_after. */
    public static final Duration SPAM_FILTER_WAIT = Duration.ofSeconds(30);

    private final Duration retryAfter;

    public SdRateLimitException(String message, Exchange exchange, int httpStatus, Duration retryAfter) {
        super(message, exchange, null, httpStatus, null);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the API asked to wait before the next attempt ({@code retry_after}, or the spam filter's documented 30
     * seconds), or null when it did not say: then the route's own redelivery delay applies.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The component's own queue for an API key is full: {@code maxConcurrentJobs} jobs are at the API and
 * {@code maxPendingJobs} more already wait. Nothing was sent. Retryable once jobs have finished.
 */
public class SdTooManyPendingJobsException extends SdException {

    public SdTooManyPendingJobsException(String message, Exchange exchange) {
        super(message, exchange, null, 0, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.github.camelsd.component.error;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * A queued job did not finish within {@code maxWait}. The job may still complete: {@link #getJobId()} resumes it with
 * {@code sd:fetch}.
 */
public class SdWaitTimeoutException extends SdException {

    private final Duration waited;

    public SdWaitTimeoutException(String message, Exchange exchange, String jobId, Duration waited) {
        super(message, exchange, null, 0, jobId);
        this.waited = waited;
    }

    public Duration getWaited() {
        return waited;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

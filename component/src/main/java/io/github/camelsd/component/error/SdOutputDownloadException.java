package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * An output image could not be downloaded (after retries), or it was larger than {@code maxDownloadSize}. The job itself
 * succeeded: its id is kept so the outputs can be fetched again while the API still serves them.
 */
public class SdOutputDownloadException extends SdException {

    private final boolean retryable;

    public SdOutputDownloadException(String message, Exchange exchange, Throwable cause, String jobId, boolean retryable) {
        super(message, exchange, cause, 0, jobId);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}

package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The API accepted the job but generating failed ({@code "status":"failed"}, "Failed, Try Again").
 */
public class SdGenerationFailedException extends SdException {

    public SdGenerationFailedException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The account has no credits left (HTTP 402 or "Insufficient credits").
 */
public class SdInsufficientCreditsException extends SdException {

    public SdInsufficientCreditsException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

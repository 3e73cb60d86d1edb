package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The account may not use this feature (HTTP 403, premium-only features).
 */
public class SdForbiddenException extends SdException {

    public SdForbiddenException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

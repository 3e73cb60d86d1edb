package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * An error the API documents only by its message, and that no more specific exception covers.
 */
public class SdApiException extends SdException {

    public SdApiException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

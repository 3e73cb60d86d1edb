package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The API failed on its side (HTTP 5xx, including HTML error pages of a proxy). Retry with back-off.
 */
public class SdServerException extends SdException {

    public SdServerException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

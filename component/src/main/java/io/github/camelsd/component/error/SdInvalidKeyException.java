package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The API rejected the key ("Invalid Api Key", or HTTP 401). Never retried: fix the configuration.
 */
public class SdInvalidKeyException extends SdException {

    public SdInvalidKeyException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

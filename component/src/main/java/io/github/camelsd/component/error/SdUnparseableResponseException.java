package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The answer was not the JSON the API documents (malformed, truncated or an unknown status). Retryable: such answers come from proxies and broken connections.
 */
public class SdUnparseableResponseException extends SdException {

    public SdUnparseableResponseException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The API could not download an input image ("Unable to fetch image from provided URL"). Retrying helps only after the image is staged again at a reachable URL.
 */
public class SdImageUnreachableException extends SdException {

    public SdImageUnreachableException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

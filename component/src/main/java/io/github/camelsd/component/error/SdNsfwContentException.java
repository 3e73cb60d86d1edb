package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The API replaced an image by a blank one because its safety checker found NSFW content (raised only with
 * {@code failOnNsfw=true}; otherwise header {@code CamelSdNsfw} says so). Sending the same prompt again gives the same
 * result, so it is not retryable.
 */
public class SdNsfwContentException extends SdException {

    public SdNsfwContentException(String message, Exchange exchange, String jobId) {
        super(message, exchange, null, 0, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

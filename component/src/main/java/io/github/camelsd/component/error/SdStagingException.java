package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/** An input image could not be staged (the bucket refused the upload or the link): no job was created. */
public class SdStagingException extends SdException {

    public SdStagingException(String message, Exchange exchange, Throwable cause) {
        super(message, exchange, cause, 0, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

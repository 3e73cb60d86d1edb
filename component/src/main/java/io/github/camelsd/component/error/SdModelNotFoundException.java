package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The {@code model_id} does not exist ("Model id not found" / "Model not found: X").
 */
public class SdModelNotFoundException extends SdException {

    public SdModelNotFoundException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause, httpStatus, jobId);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

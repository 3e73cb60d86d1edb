package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/**
 * The endpoint's {@code jobStateRepository} could not be read before a submission, so whether the API had already
 * accepted a job for the message's correlation key is unknown: nothing was sent (that could pay for the job twice).
 */
public class SdJobStateException extends SdException {

    public SdJobStateException(String message, Exchange exchange, Throwable cause) {
        super(message, exchange, cause, 0, null);
    }

    /** The store may answer again (a broker that was restarting, a timeout). */
    @Override
    public boolean isRetryable() {
        return true;
    }
}

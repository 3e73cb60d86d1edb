package io.github.camelsd.component.error;

import org.apache.camel.Exchange;

/** The HTTP exchange itself failed: no connection, a timeout, or a connection closed mid-answer. */
public class SdTransportException extends SdException {

    /** Which part of the HTTP exchange failed. */
    public enum Reason {
        CONNECT_TIMEOUT,
        RESPONSE_TIMEOUT,
        CONNECTION_FAILED
    }

    private final Reason reason;

    public SdTransportException(String message, Exchange exchange, Throwable cause, Reason reason, String jobId) {
        super(message, exchange, cause, 0, jobId);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.github.camelsd.component.error;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Base of every failure of the {@code sd:} component. Routes catch a subclass in {@code onException}; each subclass says
 * whether trying the same request again can succeed ({@link #isRetryable()}).
 * <p>
 * Messages are built from the API's answer and the request's field names only: never from the request body, so the API
 * key cannot end up in a message.
 */
public abstract class SdException extends CamelExchangeException {

    private final int httpStatus;
    private final String jobId;

    protected SdException(String message, Exchange exchange, Throwable cause, int httpStatus, String jobId) {
        super(message, exchange, cause);
        this.httpStatus = httpStatus;
        this.jobId = jobId;
    }

    /** Whether sending the same request again, later, can succeed. */
    public abstract boolean isRetryable();

    /** The HTTP status of the answer, or 0 when there was none. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The API's job id when the failure concerns an accepted job (resume it with {@code sd:fetch}), else null. */
    public String getJobId() {
        return jobId;
    }
}

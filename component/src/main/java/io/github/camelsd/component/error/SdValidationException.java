package io.github.camelsd.component.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * The request breaks a documented rule. Raised before sending when the component can tell ({@link #isSent()} false), or
 * from the API's field map ({@code "message": {"prompt": ["The prompt field is required."]}}). Never retried.
 */
public class SdValidationException extends SdException {

    private final Map<String, List<String>> fieldErrors;
    private final boolean sent;

    public SdValidationException(String message, Exchange exchange, int httpStatus, Map<String, List<String>> fieldErrors,
                                 boolean sent) {
        super(message, exchange, null, httpStatus, null);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors)); // keeps the order of the request
        this.sent = sent;
    }

    /** Field (API name, for example {@code width}) to what is wrong with it. */
    public Map<String, List<String>> getFieldErrors() {
        return fieldErrors;
    }

    /** False when the component rejected the request itself and nothing reached the API. */
    public boolean isSent() {
        return sent;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

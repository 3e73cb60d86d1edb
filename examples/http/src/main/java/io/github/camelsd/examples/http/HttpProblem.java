package io.github.camelsd.examples.http;

import java.util.List;
import java.util.Map;

/**
 * A request this service refuses before calling the API: answered by {@link FailureAnswers#problem} with its status,
 * its code and, for invalid input, the fields at fault.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, List<String>> fields;

    HttpProblem(int status, String code, String message, Map<String, List<String>> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    /** 400: one field is wrong. */
    static HttpProblem badField(String field, String problem) {
        return new HttpProblem(400, "invalid_request", field + " " + problem, Map.of(field, List.of(problem)));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Field to what is wrong with it; empty when the problem is not about fields. */
    Map<String, List<String>> fields() {
        return fields;
    }
}

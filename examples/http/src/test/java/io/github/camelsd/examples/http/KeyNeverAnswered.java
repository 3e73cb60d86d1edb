package io.github.camelsd.examples.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rest-assured filter that fails the test when the API key appears in any answer of the application: its status
 * line, any header, or the body (read as bytes, so images are searched too).
 */
final class KeyNeverAnswered implements Filter {

    private final String key;
    private final AtomicInteger checked = new AtomicInteger();

    KeyNeverAnswered(String key) {
        assertTrue(key != null && key.length() >= 16, "the test needs the application's real key to look for");
        this.key = key;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String where = request.getMethod() + " " + request.getURI();
        assertFalse(answer.getStatusLine().contains(key), "the key is in the status line of " + where);
        answer.getHeaders().forEach(header -> assertFalse(header.getName().contains(key) || header.getValue().contains(key),
                "the key is in header " + header.getName() + " of " + where));
        String body = new String(answer.asByteArray(), StandardCharsets.ISO_8859_1);
        assertFalse(body.contains(key), "the key is in the body of " + where);
        checked.incrementAndGet();
        return answer;
    }

    /** How many answers were searched. */
    int checked() {
        return checked.get();
    }
}

package io.github.camelsd.component;

import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdForbiddenException;
import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdInsufficientCreditsException;
import io.github.camelsd.component.error.SdQueueFullException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The fault matrix: each fault the emulator can inject, on every attempt, through the shipped sd-error-handling
 * configuration: the exception that reaches the dead-letter endpoint, and how many requests the API saw (1 for what is
 * never retried, 1 + the redeliveries for what is).
 */
class SdFaultMatrixTest extends SdErrorHandlingTestSupport {

    private static final int BACKOFF_REDELIVERIES = 3;
    private static final int RATE_LIMIT_REDELIVERIES = 2;

    @Override
    protected void tune(Properties properties) {
        properties.put("sd.backoff.max-redeliveries", String.valueOf(BACKOFF_REDELIVERIES));
        properties.put("sd.rate-limit.max-redeliveries", String.valueOf(RATE_LIMIT_REDELIVERIES));
        properties.put("sd.rate-limit.max-delay", "20");
    }

    @Override
    protected void routes(RouteBuilder routes) {
        routes.from("direct:render").routeConfigurationId(SdErrorHandlingConfiguration.ID)
                .to("sd:text2img?responseTimeout=300&maxWait=200")
                .to("mock:rendered");
    }

    static Stream<Arguments> faults() {
        int retried = 1 + BACKOFF_REDELIVERIES;
        return Stream.of(
                arguments("HTTP 500", Fault.httpStatus(500), SdServerException.class, retried),
                arguments("HTTP 503", Fault.httpStatus(503), SdServerException.class, retried),
                arguments("HTML 502 page", Fault.htmlPage(502), SdServerException.class, retried),
                arguments("429 with retry_after", Fault.rateLimited(0), SdQueueFullException.class,
                        1 + RATE_LIMIT_REDELIVERIES),
                arguments("429 without retry_after", Fault.rateLimited(null), SdQueueFullException.class,
                        1 + RATE_LIMIT_REDELIVERIES),
                arguments("dropped connection", Fault.dropConnection(), SdTransportException.class, retried),
                arguments("response timeout", Fault.latency(Duration.ofSeconds(2)), SdTransportException.class, retried),
                arguments("malformed JSON", Fault.malformedJson(), SdUnparseableResponseException.class, retried),
                arguments("truncated body", Fault.truncatedBody(), SdTransportException.class, retried),
                arguments("failed status", Fault.generationFailed(), SdGenerationFailedException.class, retried),
                arguments("HTTP 402", Fault.httpStatus(402), SdInsufficientCreditsException.class, 1),
                arguments("HTTP 403", Fault.httpStatus(403), SdForbiddenException.class, 1));
    }

    @org.junit.jupiter.api.Test
    void theSpamFilterIsRetriedAfterTheApisDelayCappedAndThenDeadLettered() throws Exception {
        emulator.setSpamFilterWindow(Duration.ofMinutes(1));
        template.sendBody("sd:text2img", "the same fox"); // the API has seen it: every attempt below is spam
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        template.sendBody("direct:render", "the same fox");

        dead.assertIsSatisfied();
        assertInstanceOf(io.github.camelsd.component.error.SdRateLimitException.class,
                dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(1 + 1 + RATE_LIMIT_REDELIVERIES, emulator.requestCount("/api/v3/text2img"),
                "the first request, then the route's attempt and its redeliveries");
    }

    @org.junit.jupiter.api.Test
    void aJobProcessingForeverTimesOutAndIsResumedNotResent() throws Exception {
        emulator.setProcessingTime(Duration.ofHours(1));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        template.sendBody("direct:render", "an endless fox");

        dead.assertIsSatisfied();
        assertInstanceOf(io.github.camelsd.component.error.SdWaitTimeoutException.class,
                dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(1, emulator.requestCount("/api/v3/text2img"), "one job, waited for by every attempt");
        assertEquals(true, emulator.requestCount("/api/v3/fetch") >= 1 + BACKOFF_REDELIVERIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultEndsAsItsExceptionAfterTheDocumentedAttempts(
            String name, Fault fault, Class<? extends SdException> expected, int requests) throws Exception {
        emulator.faults().next(fault, 100);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        template.sendBody("direct:render", "a fox, " + name);

        dead.assertIsSatisfied();
        assertInstanceOf(expected, dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(requests, emulator.requestCount("/api/v3/text2img"), "requests the API saw");
        getMockEndpoint("mock:rendered").expectedMessageCount(0);
        MockEndpoint.assertIsSatisfied(context);
    }
}

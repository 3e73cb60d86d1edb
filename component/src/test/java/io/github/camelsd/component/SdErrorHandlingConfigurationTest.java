package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelsd.component.error.SdInvalidKeyException;
import io.github.camelsd.component.error.SdRateLimitException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped route configuration sd-error-handling: retries what can succeed later (counting the requests the API
 * saw), never retries what cannot, resumes accepted jobs instead of sending them twice, and dead-letters the rest.
 */
class SdErrorHandlingConfigurationTest extends SdErrorHandlingTestSupport {

    private static final String URI_KEY = "sk-revoked-71c4d2e9a0b35f68";

    @Override
    protected void tune(Properties properties) {
        properties.put("sd.rate-limit.max-redeliveries", "2");
    }

    @Override
    protected void routes(RouteBuilder routes) {
        routes.from("direct:render").routeConfigurationId(SdErrorHandlingConfiguration.ID)
                .to("sd:text2img?maxWait=300")
                .to("mock:rendered");
        routes.from("direct:render-with-key-in-uri").routeConfigurationId(SdErrorHandlingConfiguration.ID)
                .to("sd:text2img?apiKey=" + URI_KEY)
                .to("mock:rendered");
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilTheySucceed() throws Exception {
        emulator.faults().next(Fault.httpStatus(503), 2);
        MockEndpoint rendered = getMockEndpoint("mock:rendered");
        rendered.expectedMessageCount(1);
        template.sendBody("direct:render", "a fox");
        rendered.assertIsSatisfied();
        assertEquals(3, emulator.requestCount("/api/v3/text2img"), "two failures and the success");
    }

    @Test
    void anInvalidKeyIsNeverRetriedAndGoesToTheDeadLetterEndpoint() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.sendBody("direct:render", Map.of("prompt", "a fox", "key", "sk-revoked"));
        dead.assertIsSatisfied();
        Exchange deadLetter = dead.getExchanges().get(0);
        assertInstanceOf(SdInvalidKeyException.class, deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(1, emulator.requestCount("/api/v3/text2img"));
    }

    @Test
    void aDeadLetterCarriesNoKeyInItsBodyHeadersPropertiesOrException() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.sendBodyAndHeader("direct:render-with-key-in-uri", "a fox", "origin", "test");
        dead.assertIsSatisfied();
        Exchange deadLetter = dead.getExchanges().get(0);
        assertInstanceOf(SdInvalidKeyException.class, deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT));

        java.io.StringWriter trace = new java.io.StringWriter();
        deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).printStackTrace(new java.io.PrintWriter(trace));
        for (String where : List.of(String.valueOf(deadLetter.getMessage().getBody()),
                deadLetter.getMessage().getHeaders().toString(), deadLetter.getAllProperties().toString(),
                trace.toString())) {
            assertFalse(where.contains(URI_KEY), () -> "key in the dead letter: " + where);
            assertFalse(where.contains(API_KEY), () -> "key in the dead letter: " + where);
        }
        assertTrue(deadLetter.getProperty(Exchange.FAILURE_ENDPOINT, String.class).startsWith("sd://text2img"),
                "the failing endpoint is still named");
    }

    @Test
    void theDelayTheApiAsksForWinsOverTheStaticOne() throws Exception {
        emulator.faults().next(Fault.rateLimited(1));
        MockEndpoint rendered = getMockEndpoint("mock:rendered");
        rendered.expectedMessageCount(1);
        long started = System.nanoTime();
        template.sendBody("direct:render", "a fox");
        rendered.assertIsSatisfied();
        // the static rate-limit delay is 30 s: arriving well before means retry_after (1 s) was used
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 20, "redelivered after " + seconds + " s: the static 30 s delay, not retry_after");
        assertEquals(2, emulator.requestCount("/api/v3/text2img"));
    }

    @Test
    void rateLimitsAreRetriedAtMostTheConfiguredTimes() throws Exception {
        emulator.faults().next(Fault.rateLimited(0), 5);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.sendBody("direct:render", "a fox");
        dead.assertIsSatisfied();
        assertInstanceOf(SdRateLimitException.class, dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(3, emulator.requestCount("/api/v3/text2img"), "the first attempt and 2 redeliveries");
    }

    @Test
    void aRedeliveredJobThatWasAcceptedIsResumedNotSentTwice() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(900));
        MockEndpoint rendered = getMockEndpoint("mock:rendered");
        rendered.expectedMessageCount(1);
        template.sendBody("direct:render", "a slow fox"); // maxWait=300: times out, is redelivered, resumes
        rendered.assertIsSatisfied();
        assertEquals(1, emulator.requestCount("/api/v3/text2img"), "one job created");
        assertTrue(emulator.requestCount("/api/v3/fetch") >= 2, "then waited for with fetch");
        assertEquals(1, rendered.getExchanges().get(0).getMessage().getBody(List.class).size());
    }

    @Test
    void exhaustedRetriesEndInTheDeadLetterEndpointWithTheirException() throws Exception {
        emulator.faults().next(Fault.httpStatus(500), 100);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.sendBody("direct:render", "a fox");
        dead.assertIsSatisfied();
        assertInstanceOf(SdServerException.class, dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(6, emulator.requestCount("/api/v3/text2img"), "1 attempt + 5 redeliveries");
    }
}

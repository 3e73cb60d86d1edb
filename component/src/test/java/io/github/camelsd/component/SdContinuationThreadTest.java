package io.github.camelsd.component;

import java.time.Duration;

import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route after {@code sd:} runs on the component's I/O pool, whatever ended the call: an answer, a waited job, a
 * download, a failure. The JDK client alone would complete on the common ForkJoinPool, or on a new thread per answer on
 * a small machine, where blocking steps after {@code sd:} do not belong.
 */
class SdContinuationThreadTest extends SdEmulatorTestSupport {

    private static final String THREAD = "continuedOn";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(exchange -> exchange.setProperty(THREAD, Thread.currentThread().getName()));
                from("direct:generate").toD("${header.uri}")
                        .process(exchange -> exchange.setProperty(THREAD, Thread.currentThread().getName()));
            }
        };
    }

    private String continuedOn(String uri) {
        Exchange exchange = template.send("direct:generate", e -> {
            e.getMessage().setHeader("uri", uri);
            e.getMessage().setBody("a fox on a thread");
        });
        String thread = exchange.getProperty(THREAD, String.class);
        assertNotNull(thread, "the route went on");
        return thread;
    }

    @Test
    void anAnswerAWaitedJobADownloadAndAFailureContinueOnTheIoPool() {
        assertOnIoPool("an answer", continuedOn("sd:text2img"));
        emulator.setProcessingTime(Duration.ofMillis(100));
        assertOnIoPool("a waited job", continuedOn("sd:text2img"));
        emulator.setProcessingTime(Duration.ZERO);
        assertOnIoPool("a download", continuedOn("sd:text2img?width=64&height=64&outputFormat=bytes"));
        emulator.faults().next(Fault.httpStatus(500));
        assertOnIoPool("an HTTP error", continuedOn("sd:text2img"));
    }

    private static void assertOnIoPool(String after, String thread) {
        assertTrue(thread.contains("SdHttpClient"), "after " + after + " the route continued on '" + thread
                                                    + "', not on an SdHttpClient thread");
    }

    @Test
    void aConnectionFailureContinuesOnTheIoPoolToo() {
        Exchange exchange = template.send("direct:generate", e -> {
            e.getMessage().setHeader("uri", "sd:text2img?baseUrl=http://127.0.0.1:1");
            e.getMessage().setBody("nobody listens");
        });
        assertNull(exchange.getException(), "handled by onException");
        assertInstanceOf(SdTransportException.class, exchange.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertOnIoPool("a refused connection", exchange.getProperty(THREAD, String.class));
    }
}

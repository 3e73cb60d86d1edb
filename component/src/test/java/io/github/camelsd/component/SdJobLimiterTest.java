package io.github.camelsd.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdTooManyPendingJobsException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local queue keeps an API key under its plan's limit instead of provoking the API's queue-full errors. */
class SdJobLimiterTest extends SdEmulatorTestSupport {

    @Test
    void jobsPastTheLimitWaitLocallyAndAllComplete() throws Exception {
        emulator.setQueueLimit(3);
        emulator.setProcessingTime(Duration.ofMillis(300));
        List<Exchange> exchanges = sendConcurrently("sd:text2img?maxConcurrentJobs=3&width=64&height=64", 12);

        for (Exchange exchange : exchanges) {
            assertNull(exchange.getException(), () -> "the API's queue limit was hit: " + exchange.getException());
        }
        assertEquals(12, emulator.requestCount("/api/v3/text2img"), "one request per job, none refused and retried");
    }

    @Test
    void pastMaxPendingJobsAJobFailsAtOnceWithoutBeingSent() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(500));
        List<Exchange> exchanges = sendConcurrently("sd:text2img?maxConcurrentJobs=2&maxPendingJobs=3&width=64&height=64", 7);

        long refused = exchanges.stream().filter(e -> e.getException() != null).peek(e -> {
            SdTooManyPendingJobsException tooMany = assertInstanceOf(SdTooManyPendingJobsException.class, e.getException());
            assertTrue(tooMany.getMessage().contains("maxPendingJobs"), tooMany.getMessage());
        }).count();
        assertEquals(2, refused, "2 at the API, 3 waiting, the other 2 refused");
        assertEquals(5, emulator.requestCount("/api/v3/text2img"));
    }

    private List<Exchange> sendConcurrently(String uri, int count) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(count);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("limited job " + i);
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        producer.stop();
        return exchanges;
    }
}

package io.github.camelsd.component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof that waiting holds no thread: 1,000 jobs sit in processing at the same time and all complete, while the
 * number of threads stays small and fixed. It asserts thread counts, never durations.
 */
class SdWaitingWithoutThreadsTest extends SdEmulatorTestSupport {

    private static final int JOBS = 1_000;

    @Test
    void thousandQueuedJobsCompleteOnAFixedSmallNumberOfThreads() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(1500));
        Endpoint endpoint = context.getEndpoint("sd:text2img?width=64&height=64&pollInterval=500&minPollInterval=100");
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        // warm up: the component's pools and the emulator's workers exist before the baseline is taken
        assertNull(send("sd:text2img?width=64&height=64", "warm-up").getException());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int baseline = threads.getThreadCount();
        threads.resetPeakThreadCount();

        CountDownLatch done = new CountDownLatch(JOBS);
        List<Exchange> exchanges = new ArrayList<>(JOBS);
        for (int i = 0; i < JOBS; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("job number " + i);
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        int queuedAtOnce = emulatorQueue();
        assertTrue(done.await(120, TimeUnit.SECONDS), "all jobs complete; left: " + done.getCount());

        int peak = threads.getPeakThreadCount();
        long componentThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("SdHttpClient") || t.getName().contains("SdJobWaiter"))
                .count();
        for (Exchange exchange : exchanges) {
            assertNull(exchange.getException(), () -> "failed: " + exchange.getException());
            assertEquals(1, exchange.getMessage().getBody(List.class).size());
            assertTrue(exchange.getMessage().getHeader(SdConstants.POLLS, Integer.class) >= 1, "each job waited");
        }
        assertTrue(queuedAtOnce >= JOBS / 2, "the jobs really were queued together: " + queuedAtOnce);
        // ioThreads (2) + the scheduler (1); the JDK client adds one selector thread, counted in the peak below
        assertTrue(componentThreads <= 3, "component threads: " + componentThreads);
        // the emulator shares this JVM: its fixed worker pool is part of the bound
        assertTrue(peak - baseline <= 16, "peak threads " + peak + " vs baseline " + baseline);
        producer.stop();
    }

    private int emulatorQueue() {
        Exchange load = send("sd:system-load", null);
        assertNull(load.getException());
        return load.getMessage().getHeader(SdConstants.QUEUE_NUM, Integer.class);
    }
}

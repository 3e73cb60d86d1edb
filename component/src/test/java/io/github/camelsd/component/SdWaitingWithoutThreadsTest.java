package io.github.camelsd.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof that waiting holds no thread: over 1,000 jobs sit in processing at the same time and all complete, while the
 * number of threads stays small and fixed. It asserts thread counts, never durations.
 */
class SdWaitingWithoutThreadsTest extends SdEmulatorTestSupport {

    /** Over 1,000: also past Camel's default pool queue of 1,000 tasks, which the component must not inherit. */
    private static final int JOBS = 1_200;

    @Test
    void overAThousandQueuedJobsCompleteOnAFixedSmallNumberOfThreads() throws Exception {
        Endpoint endpoint = context.getEndpoint("sd:text2img?width=64&height=64&pollInterval=500&minPollInterval=100");
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        // warm up: the component's pools and the emulator's workers exist before the baseline is taken
        assertNull(send("sd:text2img?width=64&height=64", "warm-up").getException());
        // every job stays in processing until all of them are there (however slowly a busy machine submits), and is
        // then released at once: their being queued together is a fact of the test, not a race against the clock
        emulator.setProcessingTime(Duration.ofHours(1));

        // Java-visible threads, sampled: the JVM's JIT compiler threads come and go with load and are not ours
        AtomicInteger peakThreads = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakThreads.accumulateAndGet(Thread.getAllStackTraces().size(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        TimeUnit.MILLISECONDS.sleep(100);
        int baseline = Thread.getAllStackTraces().size();

        CountDownLatch done = new CountDownLatch(JOBS);
        List<Exchange> exchanges = new ArrayList<>(JOBS);
        for (int i = 0; i < JOBS; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("job number " + i);
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        // once every job has reached the API, they all sit in processing together
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (emulator.requestCount("/api/v3/text2img") < JOBS + 1 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        int queuedAtOnce = emulatorQueue();
        emulator.completeQueuedJobs();
        assertTrue(done.await(120, TimeUnit.SECONDS), "all jobs complete; left: " + done.getCount());

        sampler.shutdownNow();
        int peak = peakThreads.get();
        long componentThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("SdHttpClient") || t.getName().contains("SdJobWaiter"))
                .count();
        for (Exchange exchange : exchanges) {
            assertNull(exchange.getException(), () -> "failed: " + exchange.getException());
            assertEquals(1, exchange.getMessage().getBody(List.class).size());
            assertTrue(exchange.getMessage().getHeader(SdConstants.POLLS, Integer.class) >= 1, "each job waited");
        }
        assertEquals(JOBS, queuedAtOnce, "the jobs really were queued together");
        // ioThreads (4 by default) + the scheduler (1), however many jobs wait; the JDK client adds one selector thread,
        // counted in the peak below
        int ioThreads = context.getComponent("sd", SdComponent.class).getIoThreads();
        assertTrue(componentThreads <= ioThreads + 1, "component threads: " + componentThreads);
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

package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdJobStateException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.component.SdOperationsTest.outputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances (Camel contexts with a component each) sharing one jobStateRepository, as instances of one consumer
 * group do through a store that outlives them: a message that reaches the second instance again while (or after) the
 * first waited for its job resumes that job; the emulator counts the submissions, which cost credits.
 */
class SdAcceptedJobsTest extends SdEmulatorTestSupport {

    private final MemoryStateRepository shared = new MemoryStateRepository();
    private CamelContext other;

    @BeforeEach
    void startTheOtherInstance() throws Exception {
        context.getRegistry().bind("acceptedJobs", shared);
        other = new DefaultCamelContext();
        SdComponent sd = new SdComponent();
        sd.getConfiguration().setBaseUrl(emulator.baseUrl());
        sd.getConfiguration().setApiKey(API_KEY);
        sd.getConfiguration().setPollInterval(200);
        sd.getConfiguration().setMinPollInterval(20);
        // one I/O thread: a repository call that held it would stop every other exchange of this instance
        sd.setIoThreads(1);
        other.addComponent("sd", sd);
        other.getRegistry().bind("acceptedJobs", shared);
        other.start();
    }

    @AfterEach
    void stopTheOtherInstance() {
        other.stop();
    }

    private static final String URI = "sd:text2img?width=64&height=64&jobStateRepository=#acceptedJobs"
                                      + "&correlationKeyHeader=kafka.KEY";

    private static int submissions() {
        return emulator.requestCount("/api/v3/text2img");
    }

    private static Exchange send(CamelContext instance, String key, String prompt) {
        return instance.createProducerTemplate().send(URI, e -> {
            e.getMessage().setHeader("kafka.KEY", key);
            e.getMessage().setBody(prompt);
        });
    }

    @Test
    void aMessageThatComesAgainResumesItsAcceptedJobOnAnotherInstance() throws Exception {
        emulator.setProcessingTime(Duration.ofSeconds(1));
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> send(context, "order-1", "a fox"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the first instance has the job's answer and recorded it (the only window left: an instance that dies between
        // the API's accepting and this record; see docs/scale-out.md)
        while (shared.getState("order-1") == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, submissions(), "the first instance's job was accepted");
        assertTrue(shared.getState("order-1").endsWith(" /api/v3/fetch/{id}"), shared.getState("order-1"));

        Exchange again = send(other, "order-1", "a fox");
        assertNull(again.getException(), () -> "failed: " + again.getException());
        Exchange original = first.get(10, TimeUnit.SECONDS);
        assertEquals(1, submissions(), "the message that came again created no second job");
        assertEquals(original.getMessage().getHeader(SdConstants.JOB_ID), again.getMessage().getHeader(SdConstants.JOB_ID));
        assertEquals(outputs(original), outputs(again));

        Exchange late = send(other, "order-1", "a fox");
        assertEquals(1, submissions(), "after the job finished, the same message reads the finished job");
        assertEquals(outputs(original), outputs(late));

        send(other, "order-2", "a fox");
        assertEquals(2, submissions(), "another key is another job");
    }

    @Test
    void aFailedJobIsNotRecalled() {
        emulator.setProcessingTime(Duration.ofMillis(200));
        emulator.faults().next(Fault.failWhileProcessing());
        Exchange failed = send(context, "order-3", "a failing fox");
        assertTrue(failed.getException() instanceof io.github.camelsd.component.error.SdGenerationFailedException,
                () -> "failed as polling says: " + failed.getException());

        Exchange retried = send(other, "order-3", "a failing fox");
        assertNull(retried.getException(), () -> "failed: " + retried.getException());
        assertEquals(2, submissions(), "the next attempt created a new job");
        assertNotEquals(failed.getMessage().getHeader(SdConstants.JOB_ID), retried.getMessage().getHeader(SdConstants.JOB_ID));
        assertEquals(1, outputs(retried).size());
    }

    @Test
    void aSlowRepositoryHoldsNoIoThread() throws Exception {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        other.getRegistry().bind("slowJobs", new MemoryStateRepository() {
            @Override
            public String getState(String key) {
                threads.add(Thread.currentThread().getName());
                return super.getState(key);
            }

            @Override
            public void setState(String key, String value) {
                threads.add(Thread.currentThread().getName());
                recording.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // a store that takes its time to acknowledge
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.setState(key, value);
            }
        });
        CompletableFuture<Exchange> slow = CompletableFuture.supplyAsync(() -> other.createProducerTemplate().send(
                "sd:text2img?width=64&height=64&jobStateRepository=#slowJobs&correlationKeyHeader=kafka.KEY", e -> {
                    e.getMessage().setHeader("kafka.KEY", "slow-1");
                    e.getMessage().setBody("a slow fox");
                }));
        assertTrue(recording.await(10, TimeUnit.SECONDS), "the accepted job is being recorded");

        // meanwhile the instance's only I/O thread serves the other exchanges
        Exchange meanwhile = CompletableFuture.supplyAsync(() -> other.createProducerTemplate()
                .send("sd:text2img?width=64&height=64", e -> e.getMessage().setBody("a quick fox")))
                .get(10, TimeUnit.SECONDS);
        assertNull(meanwhile.getException(), () -> "failed: " + meanwhile.getException());
        assertFalse(slow.isDone(), "the recorded job goes on once its record is acknowledged");

        release.countDown();
        Exchange recorded = slow.get(10, TimeUnit.SECONDS);
        assertNull(recorded.getException(), () -> "failed: " + recorded.getException());
        assertEquals(2, submissions());
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch(name -> name.contains("SdJobState")),
                () -> "the repository is called on the job-state pool only: " + threads);
    }

    @Test
    void anUnreadableRepositorySendsNothingAndFailsRetryably() throws Exception {
        other.getRegistry().bind("brokenJobs", new MemoryStateRepository() {
            @Override
            public String getState(String key) {
                throw new IllegalStateException("The state topic sd-accepted-jobs was not read within PT30S");
            }
        });
        Exchange failed = sendWithin10s("sd:text2img?width=64&height=64&jobStateRepository=#brokenJobs"
                                        + "&correlationKeyHeader=kafka.KEY", "order-4");
        SdJobStateException error = failure(failed, SdJobStateException.class);
        assertTrue(error.isRetryable());
        assertTrue(error.getMessage().contains("order-4") && error.getMessage().contains("sd-accepted-jobs"),
                error::getMessage);
        assertFalse(error.getMessage().contains(API_KEY));
        assertEquals(0, submissions(), "unknown whether a job was accepted earlier: none is sent");
    }

    @Test
    void anUnwritableRepositoryStillWaitsForTheAcceptedJob() throws Exception {
        other.getRegistry().bind("readOnlyJobs", new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                throw new IllegalStateException("not leader for partition");
            }
        });
        Exchange done = sendWithin10s("sd:text2img?width=64&height=64&jobStateRepository=#readOnlyJobs"
                                      + "&correlationKeyHeader=kafka.KEY", "order-5");
        assertNull(done.getException(), () -> "the job is paid for: its images are wanted all the same, "
                                               + done.getException());
        assertEquals(1, outputs(done).size());
        assertEquals(1, submissions());
    }

    /** Sends on the other instance, bounded: an exchange that a failing repository left unended fails the test. */
    private Exchange sendWithin10s(String uri, String correlationKey) throws Exception {
        return other.createProducerTemplate().asyncSend(uri, e -> {
            e.getMessage().setHeader("kafka.KEY", correlationKey);
            e.getMessage().setBody("a fox");
        }).get(10, TimeUnit.SECONDS);
    }
}

package io.github.camelsd.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where continuations run: on the I/O pool, queued when it is busy, never on the thread that hands them over. */
class SdContinuationsTest {

    private CamelContext context;
    private SdComponent sd;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        sd = new SdComponent();
        sd.setIoThreads(2);
        context.addComponent("sd", sd);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aHandOverWhileEveryIoThreadIsBusyWaitsForOneInsteadOfRunningOnTheCaller() throws Exception {
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            sd.continuations().execute(() -> {
                busy.countDown();
                await(release);
            });
        }
        assertTrue(busy.await(10, TimeUnit.SECONDS), "both I/O threads took a task");
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        sd.continuations().execute(() -> ranOn.complete(Thread.currentThread().getName()));
        assertFalse(ranOn.isDone(), () -> "the hand-over did not queue; it ran on " + ranOn.join());
        release.countDown();
        String thread = ranOn.get(10, TimeUnit.SECONDS);
        assertTrue(thread.contains("SdHttpClient"), "the hand-over ran on '" + thread + "'");
    }

    @Test
    void resumeRunsInlineOnThePoolAndHandsOverFromAnyOtherThread() throws Exception {
        String caller = Thread.currentThread().getName();
        CompletableFuture<String> fromCaller = new CompletableFuture<>();
        sd.continuations().resume(() -> fromCaller.complete(Thread.currentThread().getName()));
        String handedTo = fromCaller.get(10, TimeUnit.SECONDS);
        assertTrue(handedTo.contains("SdHttpClient"), "resumed from '" + caller + "' on '" + handedTo + "'");

        CompletableFuture<String> outer = new CompletableFuture<>();
        CompletableFuture<String> inner = new CompletableFuture<>();
        sd.continuations().execute(() -> {
            outer.complete(Thread.currentThread().getName());
            sd.continuations().resume(() -> inner.complete(Thread.currentThread().getName()));
        });
        assertEquals(outer.get(10, TimeUnit.SECONDS), inner.get(10, TimeUnit.SECONDS), "resumed on the pool: inline");
    }

    @Test
    void aStoppingPoolStillRunsWhatIsResumedSoTheExchangeEnds() {
        SdContinuations continuations = sd.continuations();
        context.stop();
        String caller = Thread.currentThread().getName();
        String[] ranOn = new String[1];
        continuations.resume(() -> ranOn[0] = Thread.currentThread().getName());
        assertEquals(caller, ranOn[0], "a refused hand-over runs on the caller");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

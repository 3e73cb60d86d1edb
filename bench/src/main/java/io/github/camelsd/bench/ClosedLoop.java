package io.github.camelsd.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Keeps N jobs in flight: each slot starts its next job as soon as its last one ends, like a steady stream of work.
 * Completions are counted over a window after a warm-up, so the figure is the steady rate, not a batch's start-up and
 * tail. No thread waits per job: the next job is started from the completion of the last.
 */
final class ClosedLoop {

    /** Jobs completed per second in the window, and jobs that failed over the whole run. */
    record Result(double jobsPerSecond, int failures) {
    }

    private ClosedLoop() {
    }

    static Result run(int inFlight, Duration warmUp, Duration window, IntFunction<CompletableFuture<?>> job)
            throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger completedInWindow = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + window.toNanos();
        CountDownLatch slotsDone = new CountDownLatch(inFlight);
        for (int slot = 0; slot < inFlight; slot++) {
            next(job, started, completedInWindow, failures, windowStart, windowEnd, slotsDone);
        }
        long waitSeconds = warmUp.plus(window).toSeconds() + 120;
        if (!slotsDone.await(waitSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("jobs still running " + waitSeconds + " s after the start");
        }
        return new Result(completedInWindow.get() / (window.toNanos() / 1e9), failures.get());
    }

    private static void next(IntFunction<CompletableFuture<?>> job, AtomicInteger started, AtomicInteger completed,
                             AtomicInteger failures, long windowStart, long windowEnd, CountDownLatch slotsDone) {
        if (System.nanoTime() >= windowEnd) {
            slotsDone.countDown();
            return;
        }
        job.apply(started.getAndIncrement()).whenComplete((ignored, error) -> {
            long now = System.nanoTime();
            if (error != null) {
                failures.incrementAndGet();
            } else if (now >= windowStart && now < windowEnd) {
                completed.incrementAndGet();
            }
            next(job, started, completed, failures, windowStart, windowEnd, slotsDone);
        });
    }
}

package io.github.camelsd.bench;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs N asynchronous operations with at most C in flight, and reports throughput and latency percentiles. */
final class LoadRunner {

    /** Completed operations per second, latencies in microseconds, and how many failed. */
    record Result(double throughput, long p50Micros, long p99Micros, int failures) {
    }

    private LoadRunner() {
    }

    static Result run(int operations, int concurrency, IntFunction<CompletableFuture<?>> operation)
            throws InterruptedException {
        long[] latencies = new long[operations];
        Semaphore window = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(operations);
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            window.acquire();
            int index = i;
            long sent = System.nanoTime();
            operation.apply(i).whenComplete((ignored, error) -> {
                latencies[index] = (System.nanoTime() - sent) / 1000;
                if (error != null) {
                    failures.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("operations did not finish within 10 minutes");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Result(operations / seconds, latencies[operations / 2], latencies[(int) (operations * 0.99)],
                failures.get());
    }
}

package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one emulator, fixed in number however many clients connect: a worker pool that handles requests,
 * and one timer thread that only hands delayed work (late answers, webhooks of queued jobs) back to the workers, so no
 * thread ever waits out a delay. All are started at once, so the count does not grow under load, and are daemons, so a
 * forgotten emulator does not keep a JVM alive.
 */
final class EmulatorThreads implements AutoCloseable {

    private static final int WORKERS = 8;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;

    EmulatorThreads(String name) {
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons(name + "-worker-"));
        workers.prestartAllCoreThreads();
        timer = new ScheduledThreadPoolExecutor(1, daemons(name + "-timer-"));
        timer.prestartAllCoreThreads();
    }

    Executor workers() {
        return workers;
    }

    /** Runs {@code task} on a worker after {@code delay}. */
    void later(Duration delay, Runnable task) {
        try {
            timer.schedule(() -> workers.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the emulator is closing: nobody waits for the answer any more
        }
    }

    /** Ends the threads, waiting a little for them, so that a closed emulator has left nothing running behind. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

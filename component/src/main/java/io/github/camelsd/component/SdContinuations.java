package io.github.camelsd.component;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where routes continue after {@code sd:}: the component's I/O pool. Every task handed over through
 * {@link #execute(Runnable)} marks its thread while it runs, so {@link #resume(Runnable)} can tell whether it already
 * runs there.
 * <p>
 * Why this exists: a dependent stage attached to a {@code CompletableFuture} that is already complete runs on the
 * thread that attaches it. When an answer arrives before the producer (or the job waiter's scheduler) has attached its
 * stages, as it can on a busy machine, the route would otherwise continue on the caller's thread or on the scheduler.
 */
final class SdContinuations implements Executor {

    private static final ThreadLocal<SdContinuations> RUNNING_ON = new ThreadLocal<>();

    private final Executor pool;

    SdContinuations(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> {
            SdContinuations previous = RUNNING_ON.get();
            RUNNING_ON.set(this);
            try {
                task.run();
            } finally {
                RUNNING_ON.set(previous);
            }
        });
    }

    /** Whether the calling thread is running one of this pool's tasks. */
    boolean isCurrentThread() {
        return RUNNING_ON.get() == this;
    }

    /**
     * Runs {@code task} on the pool: at once when the caller already runs there, else handed over. A pool that refuses
     * (the component is stopping) does not lose the task: it runs on the caller, so the exchange still ends.
     */
    void resume(Runnable task) {
        if (isCurrentThread()) {
            task.run();
            return;
        }
        try {
            execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }
}

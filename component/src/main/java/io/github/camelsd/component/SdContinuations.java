package io.github.camelsd.component;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(SdContinuations.class);
    /**
     * What the thread runs now: one lookup per task, as the JDK client runs several tasks per call through
     * {@link #execute(Runnable)}.
     */
    private static final ThreadLocal<Running> RUNNING = ThreadLocal.withInitial(Running::new);

    /** A thread's state: whose pool task it runs, and what is to run once that task has returned. */
    private static final class Running {
        SdContinuations owner;
        final ArrayDeque<Runnable> afterTask = new ArrayDeque<>();
    }

    private final Executor pool;

    SdContinuations(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> {
            Running running = RUNNING.get();
            SdContinuations previous = running.owner;
            running.owner = this;
            try {
                task.run();
                for (Runnable next = running.afterTask.poll(); next != null; next = running.afterTask.poll()) {
                    runGuarded(next);
                }
            } finally {
                running.owner = previous;
            }
        });
    }

    /**
     * Runs {@code task} on the pool after the pool task that runs now has returned: on this same thread when it is a
     * pool thread (no other thread is woken, and the task that got here, such as the HTTP client's read of a
     * response, is not held up by what {@code task} does), else handed over. When the pool refuses (the component is
     * stopping), {@code refused} runs instead, on the caller.
     */
    void afterCurrentTask(Runnable task, Runnable refused) {
        Running running = RUNNING.get();
        if (running.owner == this) {
            running.afterTask.add(task);
            return;
        }
        try {
            execute(task);
        } catch (RejectedExecutionException stopping) {
            refused.run();
        }
    }

    /** One deferred task's failure must not cost the ones queued behind it their turn. */
    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A continuation failed: {}", e.toString(), e);
        }
    }

    /** Whether the calling thread is running one of this pool's tasks. */
    boolean isCurrentThread() {
        return RUNNING.get().owner == this;
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

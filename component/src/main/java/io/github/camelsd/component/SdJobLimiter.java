package io.github.camelsd.component;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each API key under its plan's queue: at most {@code maxConcurrentJobs} jobs of a key are at the API at once;
 * further jobs wait here, first come first served, as queued continuations (no thread waits); past
 * {@code maxPendingJobs} waiting jobs a new one is refused at once. Without it, a burst would provoke the API's
 * "Maximum N queued requests" error on every job past the plan's limit.
 */
final class SdJobLimiter {

    /** One key's jobs: how many are at the API, and those waiting for a slot. */
    private static final class KeyQueue {
        int running;
        final Queue<Runnable> pending = new ArrayDeque<>();
    }

    private final Map<String, KeyQueue> byKey = new ConcurrentHashMap<>();

    /**
     * Starts {@code job} now if the key has a free slot, else queues it to start when one is released.
     *
     * @return false when the job was refused because {@code maxPending} jobs already wait
     */
    boolean submit(String apiKey, int maxConcurrent, int maxPending, Runnable job) {
        KeyQueue queue = byKey.computeIfAbsent(apiKey, k -> new KeyQueue());
        synchronized (queue) {
            if (queue.running >= maxConcurrent) {
                if (queue.pending.size() >= maxPending) {
                    return false;
                }
                queue.pending.add(job);
                return true;
            }
            queue.running++;
        }
        job.run();
        return true;
    }

    /** Frees the slot of a finished job and starts the next waiting one, on the calling thread. */
    void release(String apiKey) {
        KeyQueue queue = byKey.get(apiKey);
        if (queue == null) {
            return;
        }
        Runnable next;
        synchronized (queue) {
            next = queue.pending.poll();
            if (next == null) {
                queue.running--;
                return;
            }
            // the slot passes straight to the next job: running stays the same
        }
        next.run();
    }

    /** Jobs of this key waiting for a slot (for metrics and tests). */
    int pending(String apiKey) {
        KeyQueue queue = byKey.get(apiKey);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.pending.size();
        }
    }
}

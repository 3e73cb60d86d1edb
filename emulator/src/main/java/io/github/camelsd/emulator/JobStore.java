package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs of one emulator. Ids are increasing integers in the range the API's ids have. Admission against the per-key
 * queue limit is atomic, so concurrent requests cannot overfill a queue.
 */
final class JobStore {

    /** The jobs processing and the seconds they have left in total, for {@code system_load}. */
    record Load(int jobs, double seconds) {
    }

    private final AtomicLong lastId = new AtomicLong(10_000_000L);
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    /** The jobs that were processing when last looked at; pruned on each look, so it stays as small as the queue. */
    private final Map<Long, Job> processing = new HashMap<>(); // guarded by this

    long nextId() {
        return lastId.incrementAndGet();
    }

    /** Stores {@code job} unless its key already has {@code limit} jobs processing; says whether it did. */
    synchronized boolean admit(Job job, int limit, long now) {
        prune(now);
        long queued = processing.values().stream().filter(other -> other.key().equals(job.key())).count();
        if (queued >= limit) {
            return false;
        }
        jobs.put(job.id(), job);
        if (job.processing(now)) {
            processing.put(job.id(), job);
        }
        return true;
    }

    Job find(long id) {
        return jobs.get(id);
    }

    /** Whether {@code job} is still known (not forgotten by a reset). */
    boolean holds(Job job) {
        return jobs.get(job.id()) == job;
    }

    /**
     * Makes every job still processing done at {@code now}; returns them as they are now. The jobs replaced are no
     * longer {@linkplain #holds held}, so what was scheduled for them when they were admitted (their webhooks) lapses.
     */
    synchronized List<Job> completeAll(long now) {
        prune(now);
        List<Job> done = new ArrayList<>();
        for (Job job : processing.values()) {
            Job finished = job.doneAt(now);
            if (jobs.replace(job.id(), job, finished)) {
                done.add(finished);
            }
        }
        processing.clear();
        return done;
    }

    synchronized Load load(long now) {
        prune(now);
        double seconds = processing.values().stream().mapToDouble(job -> job.etaSeconds(now)).sum();
        return new Load(processing.size(), Math.round(seconds * 1000) / 1000.0);
    }

    synchronized void clear() {
        jobs.clear();
        processing.clear();
    }

    private void prune(long now) {
        processing.values().removeIf(job -> !job.processing(now));
    }
}

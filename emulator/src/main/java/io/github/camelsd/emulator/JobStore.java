package io.github.camelsd.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The jobs of one emulator. Ids are increasing integers in the range the API's ids have. Admission against the per-key
 * queue limit is atomic, so concurrent requests cannot overfill a queue. Past {@value #RETAINED} jobs the oldest finished
 * ones are forgotten (a fetch of one is answered as of an unknown id), because the emulator also runs for hours (dev
 * mode, Dev Services, the benchmark's hundreds of thousands of calls) and a job with its request is about 1 KB.
 */
final class JobStore {

    /** The jobs processing and the seconds they have left in total, for {@code system_load}. */
    record Load(int jobs, double seconds) {
    }

    static final int RETAINED = 50_000;
    /** How many jobs one admission looks at to forget: it adds one, so a few keep the store at its bound. */
    private static final int LOOKS_PER_ADMISSION = 8;

    private final int retained;
    /** Told of each job forgotten, so that what belongs to it (its images) goes too. */
    private final Consumer<Job> forgotten;
    private final AtomicLong lastId = new AtomicLong(10_000_000L);
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    /** The jobs that were processing when last looked at; pruned on each look, so it stays as small as the queue. */
    private final Map<Long, Job> processing = new HashMap<>(); // guarded by this
    /** Per key, the most jobs it had processing at once: what a plan's queue limit bounds. */
    private final Map<String, Integer> mostProcessing = new HashMap<>(); // guarded by this
    private int refused; // guarded by this
    /** The ids of the jobs stored, oldest first, except those still processing when last looked at (moved last). */
    private final ArrayDeque<Long> admitted = new ArrayDeque<>(); // guarded by this

    JobStore(Consumer<Job> forgotten) {
        this(RETAINED, forgotten);
    }

    /** A store that keeps {@code retained} jobs, more only while they are processing. */
    JobStore(int retained, Consumer<Job> forgotten) {
        this.retained = retained;
        this.forgotten = forgotten;
    }

    long nextId() {
        return lastId.incrementAndGet();
    }

    /** Stores {@code job} unless its key already has {@code limit} jobs processing; says whether it did. */
    synchronized boolean admit(Job job, int limit, long now) {
        prune(now);
        long queued = processing.values().stream().filter(other -> other.key().equals(job.key())).count();
        if (queued >= limit) {
            refused++;
            return false;
        }
        jobs.put(job.id(), job);
        admitted.add(job.id());
        if (job.processing(now)) {
            processing.put(job.id(), job);
            mostProcessing.merge(job.key(), (int) queued + 1, Math::max);
        }
        forgetOldest(now);
        return true;
    }

    /** Past the bound, forgets the oldest finished jobs; one still processing is kept and looked at again later. */
    private void forgetOldest(long now) {
        for (int looked = 0; jobs.size() > retained && looked < LOOKS_PER_ADMISSION; looked++) {
            Long id = admitted.poll();
            Job job = jobs.get(id);
            if (job != null && job.processing(now)) {
                admitted.add(id);
            } else if (job != null && jobs.remove(id, job)) {
                forgotten.accept(job);
            }
        }
    }

    /** The most jobs {@code key} had processing at once since the store was created or cleared. */
    synchronized int mostProcessing(String key) {
        return mostProcessing.getOrDefault(key, 0);
    }

    /** How many jobs were refused because their key's queue was full. */
    synchronized int refused() {
        return refused;
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
        return replaceProcessing(now, job -> true, job -> job.doneAt(now));
    }

    /**
     * Makes the jobs still processing that {@code which} picks failed at {@code now} (a fetch answers them failed);
     * returns them as they are now. As for {@link #completeAll}, what was scheduled for them lapses.
     */
    synchronized List<Job> failAll(long now, Predicate<Job> which) {
        return replaceProcessing(now, which, job -> job.failedAt(now));
    }

    /** The jobs processing, and the seconds they have left in total, of all keys. */
    synchronized Load load(long now) {
        return load(now, job -> true);
    }

    /** The jobs processing that {@code which} picks, and the seconds they have left in total. */
    synchronized Load load(long now, Predicate<Job> which) {
        prune(now);
        List<Job> picked = processing.values().stream().filter(which).toList();
        double seconds = picked.stream().mapToDouble(job -> job.etaSeconds(now)).sum();
        return new Load(picked.size(), Math.round(seconds * 1000) / 1000.0);
    }

    private List<Job> replaceProcessing(long now, Predicate<Job> which, UnaryOperator<Job> replacement) {
        prune(now);
        List<Job> replaced = new ArrayList<>();
        for (Iterator<Job> queued = processing.values().iterator(); queued.hasNext();) {
            Job job = queued.next();
            if (!which.test(job)) {
                continue;
            }
            Job changed = replacement.apply(job);
            if (jobs.replace(job.id(), job, changed)) {
                replaced.add(changed);
            }
            queued.remove();
        }
        return replaced;
    }

    synchronized void clear() {
        jobs.clear();
        admitted.clear();
        processing.clear();
        mostProcessing.clear();
        refused = 0;
    }

    private void prune(long now) {
        processing.values().removeIf(job -> !job.processing(now));
    }
}

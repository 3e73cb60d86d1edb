package io.github.camelsd.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples this JVM's live threads and used heap while a measurement runs, keeping the peaks. The baseline is taken
 * once the thread count has settled, so threads of an earlier measurement that are still ending are not counted.
 */
final class ResourceSampler implements AutoCloseable {

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final int baselineThreads;
    private volatile int peakThreads;
    private volatile long peakHeapBytes;
    private volatile long peakLiveHeapBytes;
    private volatile Map<String, Integer> threadsAtPeak = Map.of();

    ResourceSampler() throws InterruptedException {
        baselineThreads = settledThreadCount();
        System.gc();
        sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** The heap in use right after the last collection of each heap pool. */
    private static long liveHeapBytes() {
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private static int settledThreadCount() throws InterruptedException {
        int previous = -1;
        int current = javaThreads().size();
        for (int i = 0; i < 50 && current != previous; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            previous = current;
            current = javaThreads().size();
        }
        return current;
    }

    /**
     * The threads Java code started. The JVM's own compiler threads come and go with JIT load and are not the
     * measured code's: they are counted by the ThreadMXBean but not listed here.
     */
    private static java.util.Set<Thread> javaThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    private void sample() {
        java.util.Set<Thread> threads = javaThreads();
        if (threads.size() > peakThreads) {
            peakThreads = threads.size();
            Map<String, Integer> byPool = new TreeMap<>();
            for (Thread thread : threads) {
                byPool.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
            threadsAtPeak = byPool;
        }
        peakHeapBytes = Math.max(peakHeapBytes, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakLiveHeapBytes = Math.max(peakLiveHeapBytes, liveHeapBytes());
    }

    /** Threads the measured code added at its peak (the sampler's own thread excluded). */
    int addedThreads() {
        return Math.max(0, peakThreads - baselineThreads - 1);
    }

    /** The JVM's threads at the peak, by name with numbers folded, for the report. */
    Map<String, Integer> threadsAtPeak() {
        return threadsAtPeak;
    }

    /** The most heap in use at any sample, garbage included: bounded by -Xmx, so mostly says when GC ran. */
    long peakHeapMiB() {
        return peakHeapBytes / (1024 * 1024);
    }

    /** The most heap still in use right after a collection: what the measured code really holds. */
    long peakLiveHeapMiB() {
        return peakLiveHeapBytes / (1024 * 1024);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

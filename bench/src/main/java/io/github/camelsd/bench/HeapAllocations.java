package io.github.camelsd.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The bytes this JVM has allocated on the heap, by every thread, also by threads that have ended since (the JDK client
 * starts one per answer on two cores): the heap in use now plus what every collection so far freed. A per-thread
 * counter ({@code ThreadMXBean.getThreadAllocatedBytes}) loses what an ended thread allocated, and JDK 17 has no total.
 * Accurate to about a TLAB per thread, a few hundred KiB, against the hundreds of MiB a measurement allocates.
 */
final class HeapAllocations implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong freed = new AtomicLong();
    private final AtomicLong collectionsSeen = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final long collectionsBefore;

    HeapAllocations() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        collectionsBefore = collections();
    }

    private void collected(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            freed.addAndGet(heapUsed(info.getMemoryUsageBeforeGc()) - heapUsed(info.getMemoryUsageAfterGc()));
            collectionsSeen.incrementAndGet();
        }
    }

    /** A reading: the bytes allocated between two readings is their difference. */
    long reading() throws InterruptedException {
        // the JVM reports a collection asynchronously: wait for the report of every collection the heap already shows
        for (int i = 0; i < 200 && collectionsSeen.get() < collections() - collectionsBefore; i++) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + freed.get();
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    /** Collections so far, and (with {@link #collectionMillis()}) the time they took. */
    static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).removeNotificationListener(listener);
        }
    }
}

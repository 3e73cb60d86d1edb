package io.github.camelsd.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * One timed round of calls and what it cost this JVM besides time: the heap it allocated, the CPU time of all its
 * threads, the collections and the JIT compilation that fell into it, and what the kernel counted (see
 * {@link KernelCounters}). On a shared machine the time swings; these figures barely do.
 */
record TimedRound(LoadRunner.Result result, int calls, long allocatedBytes, long cpuNanos, long collections,
                  long collectionMillis, long jitMillis, KernelCounters kernel) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Runs {@code calls} calls at {@code concurrency} on an empty young generation: a collection first, outside the
     * timing, so that the garbage of earlier rounds (the other side's too) is not collected inside this one. With the
     * harness's young generation (see bench.sh) a round of either side then runs without a collection; any that still
     * falls into it is counted, never hidden.
     */
    static TimedRound run(int calls, int concurrency, IntFunction<CompletableFuture<?>> call, HeapAllocations heap)
            throws InterruptedException {
        System.gc();
        long bytes = heap.reading();
        long cpu = OS.getProcessCpuTime();
        long collections = HeapAllocations.collections();
        long collectionMillis = HeapAllocations.collectionMillis();
        long jit = compilationMillis();
        KernelCounters kernel = KernelCounters.read();
        LoadRunner.Result result = LoadRunner.run(calls, concurrency, call);
        long cpuAfter = OS.getProcessCpuTime();
        KernelCounters kernelAfter = KernelCounters.read();
        return new TimedRound(result, calls, heap.reading() - bytes, cpuAfter - cpu,
                HeapAllocations.collections() - collections, HeapAllocations.collectionMillis() - collectionMillis,
                compilationMillis() - jit, kernelAfter.since(kernel));
    }

    /** The JIT compilers' time so far (their threads' CPU time counts as the process's too). */
    static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * The rounds of one side together: heap KiB and CPU µs per call, collections and their milliseconds, JIT
     * milliseconds, the harness's voluntary context switches per call, the whole machine's busy CPU µs per call and
     * its idle share.
     */
    record Costs(double kibPerCall, double cpuMicrosPerCall, long collections, long collectionMillis, long jitMillis,
                 double switchesPerCall, double machineMicrosPerCall, double machineIdleShare) {

        static Costs of(List<TimedRound> rounds) {
            long calls = rounds.stream().mapToLong(TimedRound::calls).sum();
            long busy = rounds.stream().mapToLong(round -> round.kernel().machineBusyTicks()).sum();
            long ticks = rounds.stream().mapToLong(round -> round.kernel().machineTicks()).sum();
            return new Costs(rounds.stream().mapToLong(TimedRound::allocatedBytes).sum() / 1024.0 / calls,
                    rounds.stream().mapToLong(TimedRound::cpuNanos).sum() / 1000.0 / calls,
                    rounds.stream().mapToLong(TimedRound::collections).sum(),
                    rounds.stream().mapToLong(TimedRound::collectionMillis).sum(),
                    rounds.stream().mapToLong(TimedRound::jitMillis).sum(),
                    (double) rounds.stream().mapToLong(round -> round.kernel().voluntarySwitches()).sum() / calls,
                    busy * KernelCounters.MICROS_PER_TICK / calls, ticks == 0 ? 0 : (double) (ticks - busy) / ticks);
        }
    }
}

package io.github.camelsd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the Linux kernel counts that a JVM does not: how often this JVM's threads went to sleep of their own accord
 * (voluntary context switches: a park, a wait, a blocking read, summed over the threads alive at the reading), and how
 * the whole machine's CPU time split into busy and idle, the emulator's child JVM included. Between two readings they
 * tell a thread hand-over (a sleeping thread woken for a task) and CPU left idle apart from code that runs longer,
 * which CPU time alone does not. Zero where there is no {@code /proc} (not Linux).
 */
record KernelCounters(long voluntarySwitches, long machineBusyTicks, long machineTicks) {

    /** {@code /proc/stat} counts in USER_HZ, 100 per second on Linux. */
    static final double MICROS_PER_TICK = 10_000;

    static KernelCounters read() {
        Path tasks = Path.of("/proc/self/task");
        Path stat = Path.of("/proc/stat");
        if (!Files.isDirectory(tasks) || !Files.isReadable(stat)) {
            return new KernelCounters(0, 0, 0);
        }
        long switches = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                switches += voluntarySwitches(thread.resolve("status"));
            }
            // the first line: "cpu  user nice system idle iowait irq softirq steal ..."
            String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new KernelCounters(switches, total - idle, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long voluntarySwitches(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring("voluntary_ctxt_switches:".length()).trim());
                }
            }
            return 0;
        } catch (IOException threadEnded) {
            return 0;
        }
    }

    /** The counts between {@code earlier} and this reading. */
    KernelCounters since(KernelCounters earlier) {
        return new KernelCounters(voluntarySwitches - earlier.voluntarySwitches,
                machineBusyTicks - earlier.machineBusyTicks, machineTicks - earlier.machineTicks);
    }
}

package io.github.camelsd.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

/**
 * Where one call's time and bytes go ({@code ./bench.sh --profile}): the connector and the bare client at concurrency 1
 * (or {@code --profile-concurrency=N}) against the same emulator, warmed up, then per call what noise on a shared machine does not move, the heap bytes the
 * harness JVM allocated, its CPU time and the threads it started, and a JFR recording of each side alone (allocation
 * samples, 1 ms execution samples) summed by the code that allocated or ran. Printed as Markdown for
 * docs/performance.md.
 */
final class CallProfile {

    private static final int TOP = 12;

    private CallProfile() {
    }

    static String run(boolean quick, int concurrency) throws Exception {
        int calls = quick ? 2_000 : 10_000;
        StringBuilder out = new StringBuilder();
        try (EmulatorProcess emulator = EmulatorProcess.start(Duration.ZERO);
             BareClient bare = new BareClient(emulator.baseUrl());
             HeapAllocations heap = new HeapAllocations()) {
            CamelContext camel = SdBenchmark.camel(emulator);
            Endpoint endpoint = camel.getEndpoint(SdBenchmark.TEXT2IMG);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            IntFunction<CompletableFuture<?>> sd = i -> SdBenchmark.send(producer, endpoint, "sd profile " + i);
            IntFunction<CompletableFuture<?>> viaBare = i -> bare.text2img("bare profile " + i);
            // the JIT's steady state: both sides compiled before anything is counted
            for (int i = 0; i < 2; i++) {
                LoadRunner.run(calls, concurrency, sd);
                LoadRunner.run(calls, concurrency, viaBare);
            }
            var threads = ManagementFactory.getThreadMXBean();
            long started = threads.getTotalStartedThreadCount();
            TimedRound.Costs sdCost = TimedRound.Costs.of(List.of(TimedRound.run(calls, concurrency, sd, heap)));
            long sdThreads = threads.getTotalStartedThreadCount() - started;
            started = threads.getTotalStartedThreadCount();
            TimedRound.Costs bareCost = TimedRound.Costs.of(List.of(TimedRound.run(calls, concurrency, viaBare, heap)));
            long bareThreads = threads.getTotalStartedThreadCount() - started;
            out.append("Per call at concurrency ").append(concurrency).append(" (").append(calls).append(" calls each, harness JVM, common pool")
                    .append(" parallelism ").append(ForkJoinPool.getCommonPoolParallelism()).append("):\n\n")
                    .append("| | sd | bare | sd − bare |\n|---|---|---|---|\n")
                    .append(row("heap allocated (bytes)", sdCost.kibPerCall() * 1024, bareCost.kibPerCall() * 1024, "%.0f"))
                    .append(row("CPU time (µs)", sdCost.cpuMicrosPerCall(), bareCost.cpuMicrosPerCall(), "%.1f"))
                    .append(row("threads started", (double) sdThreads / calls, (double) bareThreads / calls, "%.2f"))
                    .append('\n');
            out.append(recorded("sd", calls, concurrency, sd));
            out.append(recorded("bare", calls, concurrency, viaBare));
            producer.stop();
            camel.stop();
        }
        return out.toString();
    }

    private static String row(String what, double sd, double bare, String format) {
        return "| " + what + " | " + String.format(format, sd) + " | " + String.format(format, bare) + " | "
               + String.format(format, sd - bare) + " |\n";
    }

    /** One side alone under JFR: its allocation sites and its hottest methods. */
    private static String recorded(String side, int calls, int concurrency, IntFunction<CompletableFuture<?>> call)
            throws Exception {
        Path file = Files.createTempFile("sd-profile-" + side, ".jfr");
        Instant counted;
        try (Recording recording = new Recording()) {
            // an allocation sample weighs what its thread allocated since its previous sample: unthrottled, the weights
            // add up to the thread counters' total
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/ms").withStackTrace();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
            recording.start();
            // a thread's first sample in the recording weighs all it allocated before: a lead-in that is not counted
            LoadRunner.run(calls / 10, concurrency, call);
            counted = Instant.now();
            LoadRunner.run(calls, concurrency, call);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getStartTime().isAfter(counted) && e.getStackTrace() != null).toList();
        Files.delete(file);
        List<RecordedEvent> allocations = events.stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ObjectAllocationSample")).toList();
        List<RecordedEvent> samples = events.stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        ToLongFunction<RecordedEvent> weight = e -> e.getLong("weight");
        long bytes = allocations.stream().mapToLong(weight).sum();
        StringBuilder out = new StringBuilder();
        out.append("**").append(side).append("**: ").append(allocations.size()).append(" allocation samples weighing ")
                .append(bytes / calls).append(" bytes per call, ").append(samples.size())
                .append(" execution samples (1 ms).\n\n");
        out.append(table("allocation by site (first frame outside java.lang/java.util), bytes per call", allocations,
                weight, CallProfile::site, calls, true));
        out.append(table("allocation by layer", allocations, weight, e -> Set.of(layer(e)), calls, true));
        out.append(table("allocation by thread", allocations, weight, e -> Set.of(thread(e)), calls, true));
        out.append(table("execution samples by method (self)", samples, e -> 1, CallProfile::topMethod, samples.size(),
                false));
        out.append(table("execution samples by layer (self)", samples, e -> 1, e -> Set.of(layer(e)), samples.size(),
                false));
        out.append(table("execution samples under a component method (total)", samples, e -> 1,
                CallProfile::componentMethods, samples.size(), false));
        return out.toString();
    }

    /**
     * The rows of one breakdown, largest first: per call ({@code perCall}) or as a share of {@code total}. An event
     * counts once for each key it yields.
     */
    private static String table(String title, List<RecordedEvent> events, ToLongFunction<RecordedEvent> weight,
                                java.util.function.Function<RecordedEvent, Set<String>> keys, long total,
                                boolean perCall) {
        Map<String, Long> sums = new HashMap<>();
        for (RecordedEvent event : events) {
            for (String key : keys.apply(event)) {
                sums.merge(key, weight.applyAsLong(event), Long::sum);
            }
        }
        StringBuilder out = new StringBuilder("| ").append(title).append(" | |\n|---|---|\n");
        sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(TOP)
                .forEach(entry -> out.append("| `").append(entry.getKey()).append("` | ")
                        .append(perCall ? String.valueOf(entry.getValue() / total)
                                : String.format("%.1f %%", 100.0 * entry.getValue() / total))
                        .append(" |\n"));
        return out.append('\n').toString();
    }

    /** Where an allocation was made: the first frame that is not a collection or string helper of the JDK. */
    private static Set<String> site(RecordedEvent allocation) {
        List<RecordedFrame> frames = allocation.getStackTrace().getFrames();
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.lang.") && !type.startsWith("java.util.") && !type.startsWith("jdk.internal.misc.")) {
                return Set.of(method(frame));
            }
        }
        return Set.of(frames.isEmpty() ? "(no stack)" : method(frames.get(0)));
    }

    /** The library of the first frame that is not the JDK's core: component, Camel, Jackson, the JDK's HTTP client. */
    private static String layer(RecordedEvent event) {
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.github.camelsd.component")) {
                return "component";
            } else if (type.startsWith("io.github.camelsd.bench")) {
                return "harness";
            } else if (type.startsWith("org.apache.camel")) {
                return "Camel";
            } else if (type.startsWith("com.fasterxml.jackson")) {
                return "Jackson";
            } else if (type.startsWith("jdk.internal.net.http") || type.startsWith("java.net.http")) {
                return "JDK HTTP client";
            } else if (type.startsWith("sun.nio") || type.startsWith("java.nio") || type.startsWith("sun.net")) {
                return "JDK NIO";
            }
        }
        return "JDK (other)";
    }

    /** The thread's name without its numbers: the pool, not the worker. */
    private static String thread(RecordedEvent event) {
        var thread = event.getThread("eventThread");
        return thread == null ? "(unknown)" : thread.getJavaName().replaceAll("\\d+", "#");
    }

    private static Set<String> topMethod(RecordedEvent sample) {
        List<RecordedFrame> frames = sample.getStackTrace().getFrames();
        return Set.of(frames.isEmpty() ? "(no stack)" : method(frames.get(0)));
    }

    private static Set<String> componentMethods(RecordedEvent sample) {
        Set<String> methods = new LinkedHashSet<>();
        for (RecordedFrame frame : sample.getStackTrace().getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("io.github.camelsd.component")) {
                methods.add(method(frame));
            }
        }
        return methods;
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}

package io.github.camelsd.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.github.camelsd.component.SdComponent;
import io.github.camelsd.component.SdConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The benchmark: {@code ./bench.sh} (full) or {@code ./bench.sh --quick} (a smoke run). Every figure is measured in this
 * run on this machine against the emulator on loopback (in a child JVM), and compared with a baseline measured in the
 * same run. Results: bench/target/bench-results.md and .json.
 */
public final class SdBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SdBenchmark.class);
    /** The call the overhead is measured on: the bare client sends the same request. */
    static final String TEXT2IMG = "sd:text2img?width=64&height=64&maxConcurrentJobs=100000";

    private final boolean quick;
    private final BenchReport report;

    private SdBenchmark(boolean quick) {
        this.quick = quick;
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("mode", quick ? "quick" : "full");
        // on <= 2 CPUs the JDK default is 1, and then sendAsync starts a thread per answer (docs/performance.md)
        machine.put("commonPoolParallelism", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        this.report = new BenchReport(machine);
    }

    /**
     * {@code --quick} for a smoke run; {@code --only=overhead} (or another section's first word) runs one section;
     * {@code --profile} profiles one call instead (see {@link CallProfile}), at {@code --profile-concurrency=N} (1).
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--profile")) {
            int concurrency = List.of(args).stream().filter(a -> a.startsWith("--profile-concurrency="))
                    .map(a -> Integer.parseInt(a.substring("--profile-concurrency=".length()))).findFirst().orElse(1);
            System.out.println(CallProfile.run(List.of(args).contains("--quick"), concurrency));
            return;
        }
        SdBenchmark benchmark = new SdBenchmark(List.of(args).contains("--quick"));
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse("");
        Map<String, Measurement> sections = new LinkedHashMap<>();
        sections.put("overhead", benchmark::overhead);
        sections.put("waiting at scale", benchmark::waitingAtScale);
        sections.put("hand-written alternative", benchmark::handWrittenAlternative);
        sections.put("webhook vs polling", benchmark::webhookVsPolling);
        sections.put("start-up (quick start, JVM)", benchmark::startup);
        sections.forEach((name, measurement) -> {
            if (name.startsWith(only)) {
                benchmark.section(name, measurement);
            }
        });
        benchmark.report.write(Path.of("bench/target"));
        // the table is the command's output, read by whoever ran ./bench.sh: printed, not logged
        System.out.println(benchmark.report.markdown());
    }

    /** A measurement of its own: whatever stops it is reported, and the run goes on with the next one. */
    private void section(String name, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception e) {
            report.broken(name, e);
            LOG.error("benchmark section '{}' did not complete", name, e);
        }
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /**
     * 0 and 1: the emulator's own capacity, then sd:text2img against the bare client at concurrency 1, 16, 64 and 256,
     * and the connections the component opens for 1,000 calls.
     */
    private void overhead() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(Duration.ZERO);
             BareClient bare = new BareClient(emulator.baseUrl());
             HeapAllocations heap = new HeapAllocations()) {
            int capacityRequests = quick ? 2_000 : 20_000;
            LoadRunner.run(capacityRequests / 4, 64, i -> bare.text2img("warm-up " + i));
            LoadRunner.Result capacity = LoadRunner.run(capacityRequests, 128, i -> bare.text2img("capacity " + i));
            report.add("emulator", "capacity at concurrency 128 (bare client)",
                    String.format("%.0f req/s", capacity.throughput()));
            report.failures("emulator", "calls", capacity.failures());

            CamelContext camel = camel(emulator);
            Endpoint endpoint = camel.getEndpoint(TEXT2IMG);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            // the JIT's steady state for both sides before anything is timed: on 2 cores the C2 compiler shares them with
            // both sides and the emulator, and went on compiling for some 300,000 calls per side; its CPU time counts
            // as the harness's, so a side timed while it still compiles pays for it
            int warmedUp = warmUpUntilCompiled(quick ? 2_000 : 20_000, 16, quick ? 1 : 15,
                    i -> send(producer, endpoint, "warm-up " + i), i -> bare.text2img("warm-up " + i));
            report.add("overhead", "warm-up before the levels, calls per side (until the JIT compiled under 2 % of the time)",
                    String.valueOf(warmedUp));
            int failures = 0;
            Level at256 = null;
            for (int concurrency : new int[] { 1, 16, 64, 256 }) {
                at256 = level("concurrency " + concurrency, concurrency, producer, endpoint, bare, heap, true);
                failures += at256.failures();
            }
            // concurrency 256 again against a bare client with the connector's bound and nothing else: the connector's
            // own overhead there, apart from what the bound costs any client
            int bound = camel.getComponent("sd", SdComponent.class).getMaxRequestsInFlight();
            try (BareClient boundedBare = BareClient.bounded(emulator.baseUrl(), bound)) {
                Level bounded = level("concurrency 256, the bare client bounded to " + bound
                                      + " requests in flight (as the connector)", 256, producer, endpoint, boundedBare,
                        heap, false);
                failures += bounded.failures();
                report.add("overhead", "concurrency 256: what the bound of " + bound
                                       + " costs the bare client, throughput bounded / unbounded (medians)",
                        String.format("%.2f", bounded.bareThroughput() / at256.bareThroughput()));
                // and against a bare client that keeps the connector's other constraint too, its callers continued off
                // the common pool: what a client with the connector's two constraints and nothing else reaches
                try (BareClient constrainedBare = BareClient.boundedOffCommonPool(emulator.baseUrl(), bound)) {
                    Level constrained = level("concurrency 256, the bare client bounded to " + bound
                                              + " and continuing on its executor, not the common pool (as the connector)",
                            256, producer, endpoint, constrainedBare, heap, false);
                    failures += constrained.failures();
                    report.add("overhead", "concurrency 256: what continuing off the common pool costs the bounded bare "
                                           + "client, throughput off / on the common pool (medians)",
                            String.format("%.2f", constrained.bareThroughput() / bounded.bareThroughput()));
                }
            }
            producer.stop();
            camel.stop();
            // concurrency 256 again with as many requests in flight as the bare client: what the request gate's bound
            // costs there (the connector queues 192 of the 256 calls for 64 connections, the bare client opens 256)
            CamelContext unbounded = camel(emulator, 256);
            Endpoint unboundedEndpoint = unbounded.getEndpoint(TEXT2IMG);
            AsyncProducer unboundedProducer = unboundedEndpoint.createAsyncProducer();
            unboundedProducer.start();
            failures += level("concurrency 256, maxRequestsInFlight=256 (the bare client's 256 connections)", 256,
                    unboundedProducer, unboundedEndpoint, bare, heap, false).failures();
            unboundedProducer.stop();
            unbounded.stop();
            report.failures("overhead", "calls (sd and bare, every round)", failures);
            connectionsPerThousandCalls(emulator);
        }
    }

    /** What one level of the overhead hands back: its failed calls, and the bare side's median throughput. */
    private record Level(int failures, double bareThroughput) {
    }

    /**
     * One level of the overhead: warm-up, then rounds of back-to-back pairs of the two sides, and the rows under
     * {@code at} (the ratio with its target where {@code target}).
     */
    private Level level(String at, int concurrency, AsyncProducer producer, Endpoint endpoint, BareClient bare,
                      HeapAllocations heap, boolean target) throws InterruptedException {
        int requests = quick ? 500 : concurrency == 1 ? 3_000 : 10_000;
        // each level's own paths (the request gate's queue at 256) compiled too
        warmUpUntilCompiled(requests / 2, concurrency, quick ? 1 : 6,
                i -> send(producer, endpoint, "warm-up " + i), i -> bare.text2img("warm-up " + i));
        List<TimedRound> bareRuns = new ArrayList<>();
        List<TimedRound> sdRuns = new ArrayList<>();
        // the ratio is the median of each round's pair: a pair runs back to back, on the same machine state, so a slow
        // patch of the machine (another process, a GC of the emulator) skews one pair, not the verdict; the order within
        // a pair alternates, so neither side always runs on the warmer emulator. Concurrency 1 has more pairs: its rounds
        // are short, so one disturbance moves a round by more.
        List<Double> pairRatios = new ArrayList<>();
        for (int round = 0; round < (quick ? 1 : concurrency == 1 ? 15 : 5); round++) {
            int r = round;
            IntFunction<CompletableFuture<?>> viaBareCall = i -> bare.text2img("bare " + r + " " + i);
            IntFunction<CompletableFuture<?>> viaSdCall =
                    i -> send(producer, endpoint, "sd " + concurrency + " " + r + " " + i);
            TimedRound first = TimedRound.run(requests, concurrency, r % 2 == 0 ? viaBareCall : viaSdCall, heap);
            TimedRound second = TimedRound.run(requests, concurrency, r % 2 == 0 ? viaSdCall : viaBareCall, heap);
            TimedRound bareRound = r % 2 == 0 ? first : second;
            TimedRound sdRound = r % 2 == 0 ? second : first;
            bareRuns.add(bareRound);
            sdRuns.add(sdRound);
            pairRatios.add(sdRound.result().throughput() / bareRound.result().throughput());
        }
        LoadRunner.Result viaBare = median(bareRuns);
        LoadRunner.Result viaSd = median(sdRuns);
        double ratio = pairRatios.stream().sorted().toList().get(pairRatios.size() / 2);
        report.add("overhead", at + ": throughput sd / bare",
                String.format("%.0f / %.0f req/s", viaSd.throughput(), viaBare.throughput()));
        String ratioRow = at + ": throughput ratio (median of " + pairRatios.size() + " pairs)";
        if (target) {
            report.check("overhead", ratioRow, ratio, "%.2f", ">= 0.95", ratio >= 0.95);
        } else {
            report.add("overhead", ratioRow, String.format("%.2f", ratio));
        }
        report.add("overhead", at + ": p50 latency sd / bare (ratio)", String.format("%d / %d µs (%.2f)",
                viaSd.p50Micros(), viaBare.p50Micros(), (double) viaSd.p50Micros() / viaBare.p50Micros()));
        report.add("overhead", at + ": p99 latency sd / bare (ratio)", String.format("%d / %d µs (%.2f)",
                viaSd.p99Micros(), viaBare.p99Micros(), (double) viaSd.p99Micros() / viaBare.p99Micros()));
        // what noise does not move: the harness JVM's own cost per call, the collections and compilations in the timed
        // rounds, how often its threads went to sleep, and the whole machine's CPU per call
        TimedRound.Costs sdCosts = TimedRound.Costs.of(sdRuns);
        TimedRound.Costs bareCosts = TimedRound.Costs.of(bareRuns);
        report.add("overhead", at + ": harness heap allocated / CPU time per call, sd / bare",
                String.format("%.1f / %.1f KiB, %.0f / %.0f µs", sdCosts.kibPerCall(), bareCosts.kibPerCall(),
                        sdCosts.cpuMicrosPerCall(), bareCosts.cpuMicrosPerCall()));
        report.add("overhead", at + ": harness GC in the timed rounds, sd / bare (every round counted)",
                String.format("%d / %d collections, %d / %d ms", sdCosts.collections(), bareCosts.collections(),
                        sdCosts.collectionMillis(), bareCosts.collectionMillis()));
        report.add("overhead", at + ": harness JIT compilation in the timed rounds, sd / bare",
                String.format("%d / %d ms", sdCosts.jitMillis(), bareCosts.jitMillis()));
        report.add("overhead", at + ": harness threads put to sleep per call (voluntary context switches), sd / bare",
                String.format("%.2f / %.2f", sdCosts.switchesPerCall(), bareCosts.switchesPerCall()));
        report.add("overhead", at + ": machine CPU time per call (harness, emulator and all) and idle share, sd / bare",
                String.format("%.0f / %.0f µs, %.1f / %.1f %%", sdCosts.machineMicrosPerCall(),
                        bareCosts.machineMicrosPerCall(), 100 * sdCosts.machineIdleShare(),
                        100 * bareCosts.machineIdleShare()));
        return new Level(sdRuns.stream().mapToInt(round -> round.result().failures()).sum()
                         + bareRuns.stream().mapToInt(round -> round.result().failures()).sum(), viaBare.throughput());
    }

    /**
     * Warms both sides up in batches of {@code batch} calls each until the JIT compiled for under 2 % of a batch pair's
     * time, at most {@code maxBatches} pairs; returns the calls made per side.
     */
    private static int warmUpUntilCompiled(int batch, int concurrency, int maxBatches,
                                           IntFunction<CompletableFuture<?>> sd, IntFunction<CompletableFuture<?>> bare)
            throws InterruptedException {
        for (int pairs = 1; ; pairs++) {
            long compiled = TimedRound.compilationMillis();
            long started = System.nanoTime();
            LoadRunner.run(batch, concurrency, sd);
            LoadRunner.run(batch, concurrency, bare);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (pairs == maxBatches || TimedRound.compilationMillis() - compiled < millis / 50) {
                return pairs * batch;
            }
        }
    }

    /** A fresh component, 1,000 calls at concurrency 256: how many connections did it open? */
    private void connectionsPerThousandCalls(EmulatorProcess emulator) throws Exception {
        int port = java.net.URI.create(emulator.baseUrl()).getPort();
        CamelContext camel = camel(emulator);
        Endpoint endpoint = camel.getEndpoint(TEXT2IMG);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        java.util.Set<Integer> before = ClientConnections.to(port);
        LoadRunner.Result calls = LoadRunner.run(1_000, 256, i -> send(producer, endpoint, "connections " + i));
        java.util.Set<Integer> opened = new java.util.HashSet<>(ClientConnections.to(port));
        opened.removeAll(before);
        int bound = camel.getComponent("sd", SdComponent.class).getMaxRequestsInFlight();
        report.check("overhead", "connections opened for 1,000 calls at concurrency 256 (bound " + bound + ")",
                opened.size(), "%.0f", "<= " + bound, opened.size() <= bound);
        report.failures("overhead", "calls (connections)", calls.failures());
        producer.stop();
        camel.stop();
    }

    /** 2: many jobs sitting in processing at once. */
    private void waitingAtScale() throws Exception {
        int jobs = quick ? 1_000 : 10_000;
        // the poll rate (jobs / interval) stays well under the emulator's capacity, so the emulator is not what is measured
        Duration delay = Duration.ofSeconds(quick ? 4 : 20);
        long interval = quick ? 2_000 : 10_000;
        String section = "waiting (" + jobs + " jobs, " + delay.toSeconds() + " s in processing)";
        try (EmulatorProcess emulator = EmulatorProcess.start(delay);
             ResourceSampler sampler = new ResourceSampler()) {
            CamelContext camel = camel(emulator);
            Endpoint endpoint = camel.getEndpoint("sd:text2img?width=64&height=64&pollInterval=" + interval
                                                  + "&minPollInterval=" + interval + "&maxConcurrentJobs=" + jobs);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            long heapBefore = liveHeapAfterFullGc();
            long submitStarted = System.nanoTime();
            JobBatch batch = JobBatch.send(producer, endpoint, jobs, "queued job");
            // half-way through the processing time every job waits (the submits take a few seconds): the live set now,
            // over the one before, is what the waiting jobs hold
            long halfway = submitStarted + delay.toNanos() / 2 - System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, halfway));
            long waitingNow = batch.waiting();
            long heapWaiting = liveHeapAfterFullGc();
            batch.awaitAll();
            // ideally one call per interval of the delay, plus the submit
            double calls = batch.callsPerJob();
            double idealCalls = (double) delay.toMillis() / interval + 1;
            report.check(section, "threads added at peak", sampler.addedThreads(), "%.0f", "<= 16",
                    sampler.addedThreads() <= 16);
            double kibPerJob = (heapWaiting - heapBefore) / 1024.0 / Math.max(1, waitingNow);
            report.check(section, "live heap per waiting job (KiB, full GC half-way, " + waitingNow + " waiting)",
                    kibPerJob, "%.1f", "<= 5", kibPerJob <= 5);
            report.add(section, "peak heap in use after GC / at any sample (MiB)",
                    sampler.peakLiveHeapMiB() + " / " + sampler.peakHeapMiB());
            report.check(section, "API calls per job, submit + polls (ideal " + idealCalls + ")", calls, "%.2f",
                    "within 10 % of ideal", Math.abs(calls - idealCalls) <= idealCalls * 0.10);
            long[] sorted = batch.sortedFromSend();
            report.add(section, "time per job from its send, p50 / p99 / max (ms; " + jobs + " submits share "
                                    + camel.getComponent("sd", SdComponent.class).getMaxRequestsInFlight() + " connections)",
                    sorted[jobs / 2] + " / " + sorted[(int) (jobs * 0.99)] + " / " + sorted[jobs - 1]);
            // the API's part: from the answer that accepted the job (CamelSdAcceptedAt) to the exchange continuing
            long[] atApi = batch.sortedFromAcceptance();
            long slowest = atApi[jobs - 1];
            double idealMillis = delay.toMillis() + interval;
            report.add(section, "time per job from its acceptance, p50 / p99 / max (ms)",
                    atApi[jobs / 2] + " / " + atApi[(int) (jobs * 0.99)] + " / " + slowest);
            report.check(section, "slowest job from acceptance / (delay + one poll interval = " + (long) idealMillis
                                  + " ms)", slowest / idealMillis, "%.2f", "<= 1.1", slowest / idealMillis <= 1.1);
            report.add(section, "threads at peak, by name", sampler.threadsAtPeak().toString());
            report.failures(section, "jobs", batch.failed());
            producer.stop();
            camel.stop();
        }
    }

    /**
     * 3: the hand-written camel-http + Jackson + sleep loop against the connector and against the ideal, with the same
     * number of jobs always in flight, each taking 2 s at the API: the ideal is jobs in flight / processing time.
     */
    private void handWrittenAlternative() throws Exception {
        int inFlight = quick ? 200 : 1_000;
        Duration delay = Duration.ofSeconds(2);
        Duration warmUp = Duration.ofSeconds(quick ? 3 : 6);
        Duration window = Duration.ofSeconds(quick ? 6 : 20);
        double ideal = inFlight / (delay.toMillis() / 1000.0);
        String section = "hand-written alternative (" + inFlight + " jobs in flight, 2 s processing)";
        try (EmulatorProcess emulator = EmulatorProcess.start(delay)) {
            ClosedLoop.Result hand;
            int handThreads;
            try (ResourceSampler sampler = new ResourceSampler()) {
                CamelContext camel = new DefaultCamelContext();
                HttpComponent http = camel.getComponent("http", HttpComponent.class);
                http.setMaxTotalConnections(inFlight);
                http.setConnectionsPerRoute(inFlight);
                camel.addRoutes(new HandWrittenPollingRoutes(emulator.baseUrl(), inFlight));
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                hand = ClosedLoop.run(inFlight, warmUp, window,
                        i -> HandWrittenPollingRoutes.start(template, "hand-written job " + i));
                handThreads = sampler.addedThreads();
                camel.stop();
            }
            ClosedLoop.Result sd;
            int sdThreads;
            try (ResourceSampler sampler = new ResourceSampler()) {
                CamelContext camel = camel(emulator);
                Endpoint endpoint = camel.getEndpoint("sd:text2img?width=64&height=64&maxConcurrentJobs=" + inFlight);
                AsyncProducer producer = endpoint.createAsyncProducer();
                producer.start();
                sd = ClosedLoop.run(inFlight, warmUp, window, i -> send(producer, endpoint, "connector job " + i));
                sdThreads = sampler.addedThreads();
                report.add(section, "connector threads at peak, by name", sampler.threadsAtPeak().toString());
                producer.stop();
                camel.stop();
            }
            report.add(section, "jobs/s: ideal (jobs in flight / processing time)", String.format("%.0f", ideal));
            report.add(section, "jobs/s, threads: hand-written", String.format("%.0f jobs/s, %d threads",
                    hand.jobsPerSecond(), handThreads));
            report.add(section, "jobs/s, threads: sd connector", String.format("%.0f jobs/s, %d threads",
                    sd.jobsPerSecond(), sdThreads));
            report.check(section, "connector jobs/s / ideal", sd.jobsPerSecond() / ideal, "%.2f", ">= 0.9",
                    sd.jobsPerSecond() / ideal >= 0.9);
            report.add(section, "hand-written jobs/s / ideal", String.format("%.2f", hand.jobsPerSecond() / ideal));
            double perThread = (sd.jobsPerSecond() / Math.max(1, sdThreads))
                               / (hand.jobsPerSecond() / Math.max(1, handThreads));
            report.add(section, "jobs/s per thread, connector / hand-written", String.format("%.1f", perThread));
            report.failures(section, "jobs (connector)", sd.failures());
            report.failures(section, "jobs (hand-written)", hand.failures());
        }
    }

    /** 4: the quick-start application's start-up in JVM mode. */
    private void startup() throws Exception {
        StartupProbe.Startup startup = StartupProbe.measure();
        report.add("start-up (quick start, JVM)", "Quarkus 'started in'", startup.quarkusSeconds() + " s");
        report.add("start-up (quick start, JVM)", "wall time to started", String.format("%.2f s", startup.wallSeconds()));
        report.add("start-up (quick start, JVM)", "peak RSS", startup.peakRssMiB() + " MiB");
    }

    /**
     * 4: the same jobs completed by polling and by their callbacks (webhook=auto, the emulator calling back an sd:webhook
     * consumer on the embedded server): API calls per job, and each job's time from its acceptance to its exchange
     * continuing, against the processing time.
     */
    private void webhookVsPolling() throws Exception {
        int jobs = quick ? 200 : 1_000;
        Duration delay = Duration.ofSeconds(quick ? 2 : 5);
        long interval = quick ? 1_000 : 2_000;
        String section = "webhook vs polling (" + jobs + " jobs, " + delay.toSeconds() + " s in processing)";
        try (EmulatorProcess emulator = EmulatorProcess.start(delay)) {
            CamelContext camel = camel(emulator);
            camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    // every job here is waited for, so its callback completes the exchange: this route emits nothing
                    from("sd:webhook?webhookHost=127.0.0.1").stop();
                }
            });
            String polling = "sd:text2img?width=64&height=64&maxConcurrentJobs=" + jobs + "&pollInterval=" + interval
                             + "&minPollInterval=" + interval;
            Map<String, String> ways = new LinkedHashMap<>();
            ways.put("polling every " + interval + " ms", polling);
            ways.put("webhook=auto", polling + "&webhook=auto&webhookPollInterval=60000");
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (Map.Entry<String, String> way : ways.entrySet()) {
                Endpoint endpoint = camel.getEndpoint(way.getValue());
                AsyncProducer producer = endpoint.createAsyncProducer();
                producer.start();
                JobBatch batch = JobBatch.send(producer, endpoint, jobs, way.getKey()).awaitAll();
                double calls = batch.callsPerJob();
                long[] sorted = batch.sortedFromAcceptance();
                String name = way.getKey();
                report.add(section, name + ": API calls per job (submit + fetches)", String.format("%.2f", calls));
                if (sorted.length > 0) {
                    report.add(section, name + ": time per job from acceptance, p50 / max (ms)",
                            sorted[sorted.length / 2] + " / " + sorted[sorted.length - 1]);
                    figures.put(name, new double[] { calls, sorted[sorted.length / 2] });
                }
                report.failures(section, "jobs (" + name + ")", batch.failed());
                producer.stop();
            }
            if (figures.size() == 2) {
                double[] viaPolling = figures.get("polling every " + interval + " ms");
                double[] viaWebhook = figures.get("webhook=auto");
                report.add(section, "calls per job, webhook / polling", String.format("%.2f", viaWebhook[0] / viaPolling[0]));
                report.add(section, "median time past processing (ms), webhook / polling", String.format("%.0f / %.0f",
                        viaWebhook[1] - delay.toMillis(), viaPolling[1] - delay.toMillis()));
            }
            camel.stop();
        }
    }

    /** The heap in use right after a full collection: the live set. */
    private static long liveHeapAfterFullGc() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The round of median throughput (its latencies are reported with it). */
    private static LoadRunner.Result median(List<TimedRound> rounds) {
        List<LoadRunner.Result> sorted = new ArrayList<>(rounds.stream().map(TimedRound::result).toList());
        sorted.sort(java.util.Comparator.comparingDouble(LoadRunner.Result::throughput));
        return sorted.get(sorted.size() / 2);
    }

    static CamelContext camel(EmulatorProcess emulator) throws Exception {
        return camel(emulator, new SdComponent().getMaxRequestsInFlight());
    }

    /** A started Camel context whose sd component calls the emulator, with {@code maxRequestsInFlight}. */
    static CamelContext camel(EmulatorProcess emulator, int maxRequestsInFlight) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        SdComponent sd = new SdComponent();
        sd.setMaxRequestsInFlight(maxRequestsInFlight);
        sd.getConfiguration().setBaseUrl(emulator.baseUrl());
        sd.getConfiguration().setApiKey(EmulatorProcess.KEY);
        sd.getConfiguration().setMaxPendingJobs(1_000_000);
        camel.addComponent("sd", sd);
        camel.start();
        return camel;
    }

    /** One exchange through the connector; completes when Camel calls back, fails with the exchange's exception. */
    static CompletableFuture<Exchange> send(AsyncProducer producer, Endpoint endpoint, String prompt) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(prompt);
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                result.completeExceptionally(exchange.getException());
            } else {
                result.complete(exchange);
            }
        });
        return result;
    }
}

package io.github.camelsd.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        this.report = new BenchReport(machine);
    }

    public static void main(String[] args) throws Exception {
        SdBenchmark benchmark = new SdBenchmark(List.of(args).contains("--quick"));
        benchmark.overhead();
        benchmark.waitingAtScale();
        benchmark.handWrittenAlternative();
        benchmark.startup();
        benchmark.report.write(Path.of("bench/target"));
        System.out.println(benchmark.report.markdown());
    }

    /** 0 and 1: the emulator's own capacity, then sd:text2img against the bare client at concurrency 1, 16, 64. */
    private void overhead() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(Duration.ZERO);
             BareClient bare = new BareClient(emulator.baseUrl())) {
            int capacityRequests = quick ? 2_000 : 20_000;
            LoadRunner.run(capacityRequests / 4, 64, i -> bare.text2img("warm-up " + i));
            LoadRunner.Result capacity = LoadRunner.run(capacityRequests, 128, i -> bare.text2img("capacity " + i));
            report.add("emulator", "capacity at concurrency 128 (bare client)",
                    String.format("%.0f req/s", capacity.throughput()));

            CamelContext camel = camel(emulator);
            Endpoint endpoint = camel.getEndpoint("sd:text2img?width=64&height=64&maxConcurrentJobs=100000");
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            for (int concurrency : new int[] { 1, 16, 64 }) {
                int requests = quick ? 500 : concurrency == 1 ? 2_000 : 10_000;
                LoadRunner.run(requests / 2, concurrency, i -> send(producer, endpoint, "warm-up " + i));
                LoadRunner.run(requests / 2, concurrency, i -> bare.text2img("warm-up " + i));
                // alternate the two, so neither profits from running later on a warmer emulator
                List<LoadRunner.Result> bareRuns = new ArrayList<>();
                List<LoadRunner.Result> sdRuns = new ArrayList<>();
                for (int round = 0; round < (quick ? 1 : 3); round++) {
                    int r = round;
                    bareRuns.add(LoadRunner.run(requests, concurrency, i -> bare.text2img("bare " + r + " " + i)));
                    sdRuns.add(LoadRunner.run(requests, concurrency,
                            i -> send(producer, endpoint, "sd " + concurrency + " " + r + " " + i)));
                }
                LoadRunner.Result viaBare = median(bareRuns);
                LoadRunner.Result viaSd = median(sdRuns);
                String at = "concurrency " + concurrency;
                double ratio = viaSd.throughput() / viaBare.throughput();
                report.add("overhead", at + ": throughput sd / bare",
                        String.format("%.0f / %.0f req/s", viaSd.throughput(), viaBare.throughput()));
                report.check("overhead", at + ": throughput ratio", ratio, "%.2f",
                        concurrency == 64 ? ">= 0.95" : "", concurrency != 64 || ratio >= 0.95);
                report.add("overhead", at + ": p50 latency sd / bare (ratio)", String.format("%d / %d µs (%.2f)",
                        viaSd.p50Micros(), viaBare.p50Micros(), (double) viaSd.p50Micros() / viaBare.p50Micros()));
                report.add("overhead", at + ": p99 latency sd / bare (ratio)", String.format("%d / %d µs (%.2f)",
                        viaSd.p99Micros(), viaBare.p99Micros(), (double) viaSd.p99Micros() / viaBare.p99Micros()));
                report.add("overhead", at + ": failures sd / bare", viaSd.failures() + " / " + viaBare.failures());
            }
            producer.stop();
            camel.stop();
        }
    }

    /** 2: many jobs sitting in processing at once. */
    private void waitingAtScale() throws Exception {
        int jobs = quick ? 1_000 : 10_000;
        // the poll rate (jobs / interval) stays well under the emulator's capacity, so the emulator is not what is measured
        Duration delay = Duration.ofSeconds(quick ? 4 : 20);
        long interval = quick ? 2_000 : 10_000;
        try (EmulatorProcess emulator = EmulatorProcess.start(delay);
             ResourceSampler sampler = new ResourceSampler()) {
            CamelContext camel = camel(emulator);
            Endpoint endpoint = camel.getEndpoint("sd:text2img?width=64&height=64&pollInterval=" + interval
                                                  + "&minPollInterval=" + interval + "&maxConcurrentJobs=" + jobs);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            List<CompletableFuture<Exchange>> results = new ArrayList<>(jobs);
            long started = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                results.add(send(producer, endpoint, "queued job " + i));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - started) / 1e9;
            // API calls per job: the submit plus each fetch; ideally one call per interval of the delay, plus the submit
            double calls = 1 + results.stream()
                    .mapToInt(r -> r.join().getMessage().getHeader(SdConstants.POLLS, Integer.class)).average().orElse(0);
            double ideal = (double) delay.toMillis() / interval + 1;
            String section = "waiting (" + jobs + " jobs, " + delay.toSeconds() + " s in processing)";
            report.check(section, "threads added at peak", sampler.addedThreads(), "%.0f", "<= 16",
                    sampler.addedThreads() <= 16);
            long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            report.check(section, "completed within a max heap of (MiB)", maxHeap, "%.0f", "<= 512", maxHeap <= 512);
            report.add(section, "peak heap in use after GC / at any sample (MiB)",
                    sampler.peakLiveHeapMiB() + " / " + sampler.peakHeapMiB());
            report.check(section, "API calls per job, submit + polls (ideal " + ideal + ")", calls, "%.2f",
                    "within 10 % of ideal", Math.abs(calls - ideal) <= ideal * 0.10);
            report.add(section, "threads at peak, by name", sampler.threadsAtPeak().toString());
            report.add(section, "completion time / emulator delay",
                    String.format("%.2f s / %d s (%.2f)", seconds, delay.toSeconds(), seconds / delay.toSeconds()));
            producer.stop();
            camel.stop();
        }
    }

    /** 3: the hand-written camel-http + Jackson + sleep loop against the connector, same jobs in flight. */
    private void handWrittenAlternative() throws Exception {
        int jobs = quick ? 200 : 1_000;
        Duration delay = Duration.ofSeconds(2);
        try (EmulatorProcess emulator = EmulatorProcess.start(delay)) {
            double handJobsPerSecond;
            int handThreads;
            int handFailures;
            try (ResourceSampler sampler = new ResourceSampler()) {
                CountDownLatch done = new CountDownLatch(jobs);
                java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
                CamelContext camel = new DefaultCamelContext();
                HttpComponent http = camel.getComponent("http", HttpComponent.class);
                http.setMaxTotalConnections(jobs);
                http.setConnectionsPerRoute(jobs);
                camel.addRoutes(new HandWrittenPollingRoutes(emulator.baseUrl(), jobs, e -> {
                    if (e.getMessage().getHeader("failed") != null) {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                }));
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                long started = System.nanoTime();
                for (int i = 0; i < jobs; i++) {
                    template.sendBody(HandWrittenPollingRoutes.START, "hand-written job " + i);
                }
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("hand-written route did not finish");
                }
                handJobsPerSecond = jobs / ((System.nanoTime() - started) / 1e9);
                handThreads = sampler.addedThreads();
                handFailures = failed.get();
                camel.stop();
            }
            double sdJobsPerSecond;
            int sdThreads;
            try (ResourceSampler sampler = new ResourceSampler()) {
                CamelContext camel = camel(emulator);
                Endpoint endpoint = camel.getEndpoint("sd:text2img?width=64&height=64&maxConcurrentJobs=" + jobs);
                AsyncProducer producer = endpoint.createAsyncProducer();
                producer.start();
                long started = System.nanoTime();
                List<CompletableFuture<Exchange>> results = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    results.add(send(producer, endpoint, "connector job " + i));
                }
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
                sdJobsPerSecond = jobs / ((System.nanoTime() - started) / 1e9);
                sdThreads = sampler.addedThreads();
                report.add("hand-written alternative", "connector threads at peak, by name",
                        sampler.threadsAtPeak().toString());
                producer.stop();
                camel.stop();
            }
            String section = "hand-written alternative (" + jobs + " jobs in flight, 2 s processing)";
            report.add(section, "jobs/s, threads: hand-written", String.format("%.0f jobs/s, %d threads, %d failed",
                    handJobsPerSecond, handThreads, handFailures));
            report.add(section, "jobs/s, threads: sd connector", String.format("%.0f jobs/s, %d threads",
                    sdJobsPerSecond, sdThreads));
            double ratio = (sdJobsPerSecond / Math.max(1, sdThreads)) / (handJobsPerSecond / Math.max(1, handThreads));
            report.check(section, "jobs/s per thread, connector / hand-written", ratio, "%.1f", ">= 10", ratio >= 10);
        }
    }

    /** 4: the quick-start application's start-up in JVM mode. */
    private void startup() throws Exception {
        StartupProbe.Startup startup = StartupProbe.measure();
        report.add("start-up (quick start, JVM)", "Quarkus 'started in'", startup.quarkusSeconds() + " s");
        report.add("start-up (quick start, JVM)", "wall time to started", String.format("%.2f s", startup.wallSeconds()));
        report.add("start-up (quick start, JVM)", "peak RSS", startup.peakRssMiB() + " MiB");
    }

    private static LoadRunner.Result median(List<LoadRunner.Result> runs) {
        List<LoadRunner.Result> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(LoadRunner.Result::throughput));
        return sorted.get(sorted.size() / 2);
    }

    private static CamelContext camel(EmulatorProcess emulator) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        SdComponent sd = new SdComponent();
        sd.getConfiguration().setBaseUrl(emulator.baseUrl());
        sd.getConfiguration().setApiKey(EmulatorProcess.KEY);
        sd.getConfiguration().setMaxPendingJobs(1_000_000);
        camel.addComponent("sd", sd);
        camel.start();
        return camel;
    }

    /** One exchange through the connector; completes when Camel calls back, fails with the exchange's exception. */
    private static CompletableFuture<Exchange> send(AsyncProducer producer, Endpoint endpoint, String prompt) {
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

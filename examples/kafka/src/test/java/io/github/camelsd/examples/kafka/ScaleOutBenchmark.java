package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmark row "jobs/s with 1, 2 and 3 instances": the packaged example, N instances in one group on one prompts
 * topic, against the same emulator (every job 2 s in processing, no queue limit: an enterprise server or a plan large
 * enough), each instance with the same 10 jobs at the API. Timed from the first prompt sent to the last result event
 * read, after every instance has joined. Prints jobs/s, the ratio to one instance measured in the same run, and the
 * ratio to the ideal (jobs in flight / processing time). Run by {@code ./bench.sh --only=instances}.
 *
 * <pre>
 * ScaleOutBenchmark [prompts per run, 120 by default]
 * </pre>
 */
public final class ScaleOutBenchmark {

    private static final Duration PROCESSING = Duration.ofSeconds(2);
    private static final int JOBS_PER_INSTANCE = 10;

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int prompts = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        try (LocalServers servers = LocalServers.start(0, PROCESSING, Duration.ZERO)) {
            servers.emulator.setQueueLimit(100_000);
            double one = 0;
            List<String> stages = new ArrayList<>();
            System.out.printf("%n| instances | jobs | seconds | jobs/s | vs 1 instance | vs ideal | most jobs at the API at once "
                              + "| jobs per partition | partitions per instance | submissions |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
            for (int count = 1; count <= ScaleOutScenario.PARTITIONS; count++) {
                servers.emulator.reset();
                ScaleOutScenario scenario = new ScaleOutScenario(servers, "bench-" + count);
                List<ExampleInstance> instances = new ArrayList<>();
                try {
                    for (int i = 0; i < count; i++) {
                        instances.add(scenario.start("bench-" + count + "-" + i, JOBS_PER_INSTANCE));
                    }
                    scenario.awaitMembers(count);
                    long started = System.nanoTime();
                    long startedAt = System.currentTimeMillis();
                    scenario.produce(prompts);
                    Map<String, Map<String, Object>> results = scenario.awaitResults(prompts, Duration.ofMinutes(10));
                    int done = results.size();
                    Map<Object, Long> perPartition = new TreeMap<>(results.values().stream().collect(Collectors.groupingBy(
                            event -> ((Map<?, ?>) event.get("source")).get("partition"), Collectors.counting())));
                    double seconds = (System.nanoTime() - started) / 1e9;

                    double jobsPerSecond = done / seconds;
                    one = count == 1 ? jobsPerSecond : one;
                    double ideal = (double) count * JOBS_PER_INSTANCE / (PROCESSING.toMillis() / 1000.0);
                    System.out.printf("| %d | %d | %.1f | %.2f | %.2f × | %.2f × | %d | %s | %s | %d |%n", count, done,
                            seconds, jobsPerSecond, jobsPerSecond / one, jobsPerSecond / ideal,
                            servers.emulator.mostJobsProcessing(servers.apiKey), perPartition.values(),
                            scenario.assignment(), servers.emulator.requestCount("/api/v3/text2img"));
                    stages.add(stages(count, results, scenario.writtenAt, startedAt));
                } finally {
                    for (ExampleInstance instance : instances) {
                        instance.close();
                    }
                }
            }
            System.out.printf("%n| instances | per job, p50 ms: in the topic / taken until accepted + after the download "
                              + "/ accepted until downloaded | per partition, s from the first prompt: first taken – "
                              + "last event |%n|---|---|---|%n");
            stages.forEach(System.out::println);
            System.out.printf("%nEach instance keeps %d jobs at the API; every job is %d s in processing; ideal = "
                              + "instances × %d / %d s. One API key's plan limit caps all instances together "
                              + "(docs/scale-out.md).%n", JOBS_PER_INSTANCE, PROCESSING.toSeconds(), JOBS_PER_INSTANCE,
                    PROCESSING.toSeconds());
        }
    }

    /**
     * Where a job's time goes, from its result event's timings, and when each partition's jobs ran: whether the
     * instances worked at the same time or one after the other.
     */
    private static String stages(int count, Map<String, Map<String, Object>> results, Map<String, Long> writtenAt,
                                 long startedAt) {
        List<Long> inTopic = new ArrayList<>();
        List<Long> outsideApi = new ArrayList<>();
        List<Long> api = new ArrayList<>();
        Map<Object, long[]> spans = new TreeMap<>();
        results.forEach((key, event) -> {
            Map<?, ?> timings = (Map<?, ?>) event.get("timings");
            Map<?, ?> source = (Map<?, ?>) event.get("source");
            long topic = ((Number) timings.get("inTopicMillis")).longValue();
            long apiMillis = ((Number) timings.get("apiMillis")).longValue();
            inTopic.add(topic);
            api.add(apiMillis);
            outsideApi.add(((Number) timings.get("totalMillis")).longValue() - apiMillis);
            long taken = ((Number) source.get("timestamp")).longValue() + topic - startedAt;
            long written = writtenAt.get(key) - startedAt;
            spans.merge(source.get("partition"), new long[] {taken, written},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        });
        return String.format("| %d | %d / %d / %d | %s |", count, median(inTopic), median(outsideApi), median(api),
                spans.entrySet().stream().map(span -> String.format("%s: %.1f – %.1f", span.getKey(),
                        span.getValue()[0] / 1000.0, span.getValue()[1] / 1000.0)).collect(Collectors.joining(", ")));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}

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
                } finally {
                    for (ExampleInstance instance : instances) {
                        instance.close();
                    }
                }
            }
            System.out.printf("%nEach instance keeps %d jobs at the API; every job is %d s in processing; ideal = "
                              + "instances × %d / %d s. One API key's plan limit caps all instances together "
                              + "(docs/scale-out.md).%n", JOBS_PER_INSTANCE, PROCESSING.toSeconds(), JOBS_PER_INSTANCE,
                    PROCESSING.toSeconds());
        }
    }
}

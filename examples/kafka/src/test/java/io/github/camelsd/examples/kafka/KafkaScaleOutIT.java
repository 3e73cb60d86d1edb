package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances of the packaged example application, each in its own JVM, in one consumer group on a prompts topic
 * of three partitions, against one real broker, one S3 store and one emulator (all in this JVM). What is counted is
 * what the emulator received and what came out on the renders topic.
 */
class KafkaScaleOutIT {

    private static LocalServers servers;
    private final List<ExampleInstance> instances = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        // no spam filter: every prompt is different anyway
        servers = LocalServers.start(0, Duration.ofSeconds(2), Duration.ZERO);
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (ExampleInstance instance : instances) {
            instance.close();
        }
    }

    /**
     * The plan allows 5 queued jobs per key; three instances share them as 2 + 2 + 1 (docs/scale-out.md). The emulator
     * would take more (its own limit is raised to 1,000), so what it saw is what the instances kept to by themselves.
     */
    @Test
    void threeInstancesKeepTogetherUnderThePlansQueueLimit() throws Exception {
        ScaleOutScenario scenario = new ScaleOutScenario(servers, "limit");
        servers.emulator.reset();
        servers.emulator.setQueueLimit(1_000);
        servers.emulator.setProcessingTime(Duration.ofSeconds(2));
        int[] shares = { 2, 2, 1 };
        for (int i = 0; i < shares.length; i++) {
            start(scenario, "limit-" + (char) ('a' + i), shares[i]);
        }
        scenario.awaitMembers(3);

        int prompts = 30;
        scenario.produce(prompts);
        Map<String, Map<String, Object>> results = scenario.awaitResults(prompts, Duration.ofMinutes(4));

        assertEquals(prompts, results.size());
        assertEquals(prompts, servers.emulator.requestCount("/api/v3/text2img"), "one submission per prompt");
        int most = servers.emulator.mostJobsProcessing(servers.apiKey);
        System.out.printf("3 instances, plan limit 5 (2 + 2 + 1): at most %d jobs of the key processing at once%n",
                most);
        assertTrue(most <= 5, "at most 5 jobs processing at once, saw " + most);
        assertEquals(0, servers.emulator.queueFullAnswers());
        Set<Object> partitions = new HashSet<>();
        results.values().forEach(event -> partitions.add(((Map<?, ?>) event.get("source")).get("partition")));
        assertEquals(ScaleOutScenario.PARTITIONS, partitions.size(), "each instance rendered its partition's prompts");
    }

    /**
     * An instance waits for 100 jobs the API accepted; it is killed (no shutdown hook, nothing committed). Kafka hands
     * its records to the two others, which find the accepted jobs in the shared repository (the compacted topic) and
     * resume them.
     */
    @Test
    void anInstanceKilledWhileItWaitsFor100AcceptedJobsCostsNoSecondJob() throws Exception {
        ScaleOutScenario scenario = new ScaleOutScenario(servers, "kill");
        servers.emulator.reset();
        servers.emulator.setQueueLimit(1_000);
        // long enough to outlast the kill, the survivors' start and the dead member's session timeout
        servers.emulator.setProcessingTime(Duration.ofSeconds(15));
        int prompts = 100;
        // all there before the first instance polls: it takes them in one batch
        scenario.produce(prompts);
        ExampleInstance first = start(scenario, "kill-a", prompts);
        ScaleOutScenario.await(() -> servers.emulator.requestCount("/api/v3/text2img") == prompts, Duration.ofMinutes(2),
                () -> "the first instance submitted " + servers.emulator.requestCount("/api/v3/text2img") + " jobs");
        long submitted = System.nanoTime();
        // it waits for a job once the job is recorded (before that, a crash leaves the job to be paid again)
        ScaleOutScenario.await(() -> scenario.acceptedJobsRecorded() == prompts, Duration.ofMinutes(1),
                () -> "the first instance recorded " + scenario.acceptedJobsRecorded() + " accepted jobs");
        System.out.printf("the last of 100 accepted jobs recorded %d ms after the last submission was seen%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted));
        assertEquals(prompts, servers.emulator.mostJobsProcessing(servers.apiKey),
                "all 100 jobs are accepted and waiting when the instance dies");

        ExampleInstance second = start(scenario, "kill-b", prompts);
        ExampleInstance third = start(scenario, "kill-c", prompts);
        first.kill();
        assertTrue(!first.isAlive());

        Map<String, Map<String, Object>> results = scenario.awaitResults(prompts, Duration.ofMinutes(4));
        assertEquals(prompts, results.size(), "one result event per prompt");
        assertEquals(prompts, scenario.resultCount, "and no second one");
        assertEquals(prompts, servers.emulator.requestCount("/api/v3/text2img"), "no prompt submitted twice");
        long resumed = second.linesWith("resumes job") + third.linesWith("resumes job");
        System.out.printf("killed with %d jobs waiting; the others resumed %d of them, submitted none%n", prompts,
                resumed);
        assertEquals(prompts, resumed, "every accepted job resumed by another instance");
        Set<Object> jobs = new HashSet<>();
        results.values().forEach(event -> jobs.add(event.get("jobId")));
        assertEquals(prompts, jobs.size(), "each prompt its own job");
    }

    private ExampleInstance start(ScaleOutScenario scenario, String name, int maxConcurrentJobs) throws Exception {
        ExampleInstance instance = scenario.start(name, maxConcurrentJobs);
        instances.add(instance);
        return instance;
    }
}

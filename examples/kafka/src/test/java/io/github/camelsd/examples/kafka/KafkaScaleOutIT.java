package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

    private static final int PARTITIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Scenario scenario = new Scenario("limit");
        servers.emulator.reset();
        servers.emulator.setQueueLimit(1_000);
        servers.emulator.setProcessingTime(Duration.ofSeconds(2));
        int[] shares = { 2, 2, 1 };
        for (int i = 0; i < shares.length; i++) {
            start(scenario, "limit-" + (char) ('a' + i), shares[i]);
        }
        scenario.awaitMembers(3);

        int prompts = 30;
        scenario.produce(prompts, -1);
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
        assertEquals(PARTITIONS, partitions.size(), "each instance rendered its partition's prompts");
    }

    /**
     * An instance waits for 100 jobs the API accepted; it is killed (no shutdown hook, nothing committed). Kafka hands
     * its records to the two others, which find the accepted jobs in the shared repository (the compacted topic) and
     * resume them.
     */
    @Test
    void anInstanceKilledWhileItWaitsFor100AcceptedJobsCostsNoSecondJob() throws Exception {
        Scenario scenario = new Scenario("kill");
        servers.emulator.reset();
        servers.emulator.setQueueLimit(1_000);
        servers.emulator.setProcessingTime(Duration.ofSeconds(20));
        int prompts = 100;
        // all there before the first instance polls: it takes them in one batch
        scenario.produce(prompts, -1);
        ExampleInstance first = start(scenario, "kill-a", prompts);
        await(() -> servers.emulator.requestCount("/api/v3/text2img") == prompts, Duration.ofMinutes(2),
                () -> "the first instance submitted " + servers.emulator.requestCount("/api/v3/text2img") + " jobs");
        long submitted = System.nanoTime();
        // it waits for a job once the job is recorded (before that, a crash leaves the job to be paid again)
        await(() -> scenario.acceptedJobsRecorded() == prompts, Duration.ofMinutes(1),
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

    private ExampleInstance start(Scenario scenario, String name, int maxConcurrentJobs) throws Exception {
        Map<String, String> config = servers.config();
        config.remove("camel.component.sd.api-key"); // through the environment
        config.put("kafka.example.prompts-topic", scenario.prompts);
        config.put("kafka.example.renders-topic", scenario.renders);
        config.put("kafka.example.dead-letter-topic", scenario.deadLetters);
        config.put("kafka.example.group-id", scenario.group);
        config.put("kafka.example.accepted-jobs-topic", scenario.acceptedJobs);
        config.put("camel.component.kafka.client-id", name);
        // a dead member leaves the group after 6 s (the broker's lowest session timeout) instead of 45
        config.put("camel.component.kafka.session-timeout-ms", "6000");
        config.put("camel.component.kafka.heartbeat-interval-ms", "1000");
        config.put("camel.component.sd.max-concurrent-jobs", String.valueOf(maxConcurrentJobs));
        config.put("camel.component.sd.poll-interval", "1s");
        ExampleInstance instance = ExampleInstance.start(name, servers.apiKey, config);
        instances.add(instance);
        return instance;
    }

    /** The topics and the group of one test, so that the tests share nothing but the servers. */
    private static final class Scenario {

        final String prompts;
        final String renders;
        final String deadLetters;
        final String group;
        final String acceptedJobs;
        int resultCount;
        private final Map<String, Map<String, Object>> results = new HashMap<>();
        private KafkaConsumer<String, String> consumer;

        Scenario(String name) {
            String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            prompts = "prompts-" + suffix;
            renders = "renders-" + suffix;
            deadLetters = "dead-letters-" + suffix;
            group = "renderers-" + suffix;
            acceptedJobs = "accepted-jobs-" + suffix;
            servers.broker.createTopics(PARTITIONS, prompts);
            servers.broker.createTopics(renders, deadLetters);
        }

        /** {@code count} prompts, keys {@code <topic>-<i>}; to one partition, or spread by key when it is -1. */
        void produce(int count, int partition) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < count; i++) {
                    String key = prompts + "-" + i;
                    String prompt = "a lighthouse at dusk, variation " + i;
                    producer.send(partition < 0 ? new ProducerRecord<>(prompts, key, prompt)
                            : new ProducerRecord<>(prompts, partition, key, prompt));
                }
                producer.flush();
            }
        }

        /** Waits until the group has {@code count} members that share the topic's partitions. */
        void awaitMembers(int count) throws Exception {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                await(() -> {
                    try {
                        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                                .get(10, TimeUnit.SECONDS).get(group);
                        return description.members().size() == count && description.members().stream()
                                .mapToInt(member -> assigned(member)).sum() == PARTITIONS;
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofMinutes(2), () -> "the group " + group + " has not got " + count + " members");
            }
        }

        /** The records on the accepted jobs' topic: one per job an instance recorded before waiting for it. */
        long acceptedJobsRecorded() {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                var partition = new TopicPartition(acceptedJobs, 0);
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS)
                        .get(partition).offset();
            } catch (Exception e) {
                return -1; // the topic is created when the first instance starts
            }
        }

        private static int assigned(MemberDescription member) {
            return member.assignment().topicPartitions().size();
        }

        /** The result events by record key, once {@code count} keys have one; counts every event read. */
        Map<String, Map<String, Object>> awaitResults(int count, Duration timeout) throws Exception {
            if (consumer == null) {
                Properties props = new Properties();
                props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
                props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
                props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
                consumer.subscribe(List.of(renders, deadLetters));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (results.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(deadLetters)) {
                        throw new AssertionError("dead letter for " + record.key() + ": " + record.value());
                    }
                    resultCount++;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = JSON.readValue(record.value(), Map.class);
                    results.put(record.key(), event);
                }
            }
            // a second event for a key would be on the topic by now: one last look
            resultCount += consumer.poll(Duration.ofSeconds(2)).count();
            consumer.close();
            consumer = null;
            return results;
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}

package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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

/**
 * Instances of the packaged example in one consumer group, on topics of their own (a prompts topic of
 * {@value #PARTITIONS} partitions, renders, dead letters, accepted jobs), against {@link LocalServers}: what
 * {@link KafkaScaleOutIT} checks and {@link ScaleOutBenchmark} times.
 */
final class ScaleOutScenario {

    static final int PARTITIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String prompts;
    final String renders;
    final String deadLetters;
    final String group;
    final String acceptedJobs;
    /** Every result event read, a key's second one included. */
    int resultCount;
    private final LocalServers servers;
    private final Map<String, Map<String, Object>> results = new HashMap<>();
    /** When each result event was written (its record's timestamp), by record key. */
    final Map<String, Long> writtenAt = new HashMap<>();

    ScaleOutScenario(LocalServers servers, String name) {
        this.servers = servers;
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        prompts = "prompts-" + suffix;
        renders = "renders-" + suffix;
        deadLetters = "dead-letters-" + suffix;
        group = "renderers-" + suffix;
        acceptedJobs = "accepted-jobs-" + suffix;
        servers.broker.createTopics(PARTITIONS, prompts);
        servers.broker.createTopics(renders, deadLetters);
    }

    /** Starts an instance on these topics, its client id {@code name}, with its share of the plan's queue. */
    ExampleInstance start(String name, int maxConcurrentJobs) throws Exception {
        Map<String, String> config = servers.config();
        config.remove("camel.component.sd.api-key"); // through the environment
        config.put("kafka.example.prompts-topic", prompts);
        config.put("kafka.example.renders-topic", renders);
        config.put("kafka.example.dead-letter-topic", deadLetters);
        config.put("kafka.example.group-id", group);
        config.put("kafka.example.accepted-jobs-topic", acceptedJobs);
        config.put("camel.component.kafka.client-id", name);
        // a dead member leaves the group after 6 s (the broker's lowest session timeout) instead of 45
        config.put("camel.component.kafka.session-timeout-ms", "6000");
        config.put("camel.component.kafka.heartbeat-interval-ms", "1000");
        config.put("camel.component.sd.max-concurrent-jobs", String.valueOf(maxConcurrentJobs));
        config.put("camel.component.sd.poll-interval", "1s");
        return ExampleInstance.start(name, servers.apiKey, config);
    }

    /** {@code count} prompts, keys {@code <topic>-<i>}, spread over the partitions by key. */
    void produce(int count) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(prompts, prompts + "-" + i, "a lighthouse at dusk, variation " + i));
            }
            producer.flush();
        }
    }

    /**
     * Waits until the group has {@code count} members that share the topic's partitions, each with one at least (right
     * after a member joins, the group can have it without a partition until the next rebalance).
     */
    void awaitMembers(int count) throws Exception {
        try (Admin admin = admin()) {
            await(() -> {
                try {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                            .get(10, TimeUnit.SECONDS).get(group);
                    return description.members().size() == count
                           && description.members().stream()
                                   .allMatch(member -> !member.assignment().topicPartitions().isEmpty())
                           && description.members().stream()
                                   .mapToInt(member -> member.assignment().topicPartitions().size()).sum() == PARTITIONS;
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofMinutes(2), () -> "the group " + group + " has not got " + count + " members");
        }
    }

    /** The group's members (client ids) and the partitions each has, as Kafka has them now. */
    Map<String, List<Integer>> assignment() throws Exception {
        try (Admin admin = admin()) {
            Map<String, List<Integer>> assigned = new java.util.TreeMap<>();
            admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()
                    .forEach(member -> assigned.put(member.clientId(), member.assignment().topicPartitions().stream()
                            .map(TopicPartition::partition).sorted().toList()));
            return assigned;
        }
    }

    /** The records on the accepted jobs' topic: one per job an instance recorded before waiting for it. */
    long acceptedJobsRecorded() {
        try (Admin admin = admin()) {
            var partition = new TopicPartition(acceptedJobs, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS)
                    .get(partition).offset();
        } catch (Exception e) {
            return -1; // the topic is created when the first instance starts
        }
    }

    /**
     * The result events by record key, once {@code count} keys have one; a dead letter fails at once. Reads two more
     * seconds after that, so that a key's second event would be counted in {@link #resultCount}.
     */
    Map<String, Map<String, Object>> awaitResults(int count, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(renders, deadLetters));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (results.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(deadLetters)) {
                        throw new AssertionError("dead letter for " + record.key() + ": " + record.value());
                    }
                    resultCount++;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = JSON.readValue(record.value(), Map.class);
                    results.put(record.key(), event);
                    writtenAt.put(record.key(), record.timestamp());
                }
            }
            for (ConsumerRecord<String, String> late : consumer.poll(Duration.ofSeconds(2)).records(renders)) {
                resultCount++;
            }
        }
        return results;
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker.bootstrapServers());
        return Admin.create(props);
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> failure)
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

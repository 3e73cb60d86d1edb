package io.github.camelsd.kafkastate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Camel {@link StateRepository} on a compacted Kafka topic, for the {@code sd:} component's
 * {@code jobStateRepository}: every instance of an application that points at the same topic sees the jobs every other
 * instance recorded, and the entries outlive any instance.
 * <p>
 * Each key is a record key of the topic, its latest record's value the state; an empty or null state is written as a
 * tombstone, which compaction removes (this instance remembers it as a key without a state). Every instance reads the whole topic into memory when it starts and keeps
 * reading it on one thread. The reads are consistent across instances, which is what the component needs when Kafka
 * hands a dead instance's messages to another one:
 * <ul>
 * <li>{@link #setState} returns once the record is acknowledged by all in-sync replicas (one round trip: the API
 * accepted a job, and until it is recorded an instance that dies would leave it to be paid again);</li>
 * <li>{@link #getState} first asks the topic for its end offsets and waits until this instance has read up to them, so
 * it sees every state that any instance had set before the call (one round trip to the broker per call).</li>
 * </ul>
 * Both block the calling thread for as long as that takes, at most {@link #setTimeout timeout}, and then throw
 * {@link IllegalStateException}. The component calls them once per job (the record when the API accepted it, the
 * look-up when a message arrives), not per poll.
 * <p>
 * The topic is created when missing ({@code cleanup.policy=compact}, {@link #setPartitions partitions}, the broker's
 * replication factor); an existing topic is used as it is. {@link #setClientProperties clientProperties} go to the
 * admin client, the producer and the consumer alike (security settings, for example).
 */
public class KafkaStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The topic when none is set. */
    public static final String DEFAULT_TOPIC = "sd-accepted-jobs";

    private String bootstrapServers;
    private String topic = DEFAULT_TOPIC;
    private int partitions = 1;
    private Duration timeout = Duration.ofSeconds(30);
    private Map<String, Object> clientProperties = Map.of();

    /** A key's latest state, and the offset of its record (a key's records are all in one partition). */
    private record State(String value, long offset) {
    }

    /** Per key, the latest state this instance knows: read from the topic, or written here and acknowledged. */
    private final Map<String, State> states = new ConcurrentHashMap<>();
    /** Per partition of the topic, the offset up to which the reader has applied it; guarded by, and waited on, itself. */
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private volatile RuntimeException readerFailure;
    private volatile boolean reading;
    private List<TopicPartition> topicPartitions;
    private Admin admin;
    private Producer<String, String> producer;
    private Consumer<String, String> consumer;
    private Thread reader;

    public KafkaStateRepository() {
    }

    public KafkaStateRepository(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public String getState(String key) {
        ObjectHelper.notNull(key, "key");
        awaitRead(endOffsets());
        State state = states.get(key);
        return state == null ? null : state.value();
    }

    @Override
    public void setState(String key, String value) {
        ObjectHelper.notNull(key, "key");
        String written = value == null || value.isEmpty() ? null : value;
        RecordMetadata metadata = await(producer.send(new ProducerRecord<>(topic, key, written)),
                "writing the state of " + key);
        apply(key, written, metadata.offset());
    }

    /** Keeps the state of the later record: the reader and this instance's writes may apply a key's in any order. */
    private void apply(String key, String value, long offset) {
        states.merge(key, new State(value, offset), (known, other) -> other.offset() > known.offset() ? other : known);
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(bootstrapServers, "bootstrapServers");
        ObjectHelper.notNull(topic, "topic");
        admin = Admin.create(config(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("admin"))));
        topicPartitions = partitionsOfTopic();
        producer = new KafkaProducer<>(config(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId("producer"),
                // a state is recorded when every in-sync replica has it: a broker that fails over keeps it
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                // each write waits for its acknowledgement: nothing to batch, so no waiting for more (5 ms otherwise)
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()))),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(config(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId("reader"),
                // no group: every instance reads every partition from the start, and commits nothing
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")),
                new StringDeserializer(), new StringDeserializer());
        consumer.assign(topicPartitions);
        consumer.seekToBeginning(topicPartitions);
        reading = true;
        reader = new Thread(this::read, "sd-kafka-state-" + topic);
        reader.setDaemon(true);
        reader.start();
        // the whole topic before the first message asks for a job
        awaitRead(endOffsets());
    }

    @Override
    protected void doStop() throws Exception {
        reading = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            reader.join(timeout.toMillis());
        }
        if (producer != null) {
            producer.close(timeout);
        }
        if (admin != null) {
            admin.close(timeout);
        }
        states.clear();
        synchronized (readUpTo) {
            readUpTo.clear();
        }
        readerFailure = null;
        reader = null;
        consumer = null;
        producer = null;
        admin = null;
    }

    /** The reader thread: applies the topic's records in their order, and says how far it got. */
    private void read() {
        try {
            while (reading) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record.key(), record.value(), record.offset());
                }
                synchronized (readUpTo) {
                    for (TopicPartition partition : topicPartitions) {
                        readUpTo.put(partition, consumer.position(partition));
                    }
                    readUpTo.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            readerFailure = e;
            synchronized (readUpTo) {
                readUpTo.notifyAll();
            }
        } finally {
            consumer.close(timeout);
        }
    }

    private List<TopicPartition> partitionsOfTopic() {
        NewTopic compacted = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            await(admin.createTopics(List.of(compacted)).all(), "creating the topic " + topic);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(),
                "describing the topic " + topic).get(topic);
        return description.partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = topicPartitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        return await(admin.listOffsets(latest).all(), "reading the end of the topic " + topic).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Waits until the reader has applied every partition named up to its offset. */
    private void awaitRead(Map<TopicPartition, Long> offsets) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (readUpTo) {
            while (!offsets.entrySet().stream().allMatch(
                    target -> readUpTo.getOrDefault(target.getKey(), -1L) >= target.getValue())) {
                if (readerFailure != null) {
                    throw new IllegalStateException("The state topic " + topic + " can no longer be read",
                            readerFailure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reading) {
                    throw new IllegalStateException("The state topic " + topic + " was not read up to " + offsets
                                                    + " within " + timeout + " (read up to " + readUpTo + ")");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(readUpTo, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading the state topic " + topic, e);
                }
            }
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + timeout + " " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        }
    }

    private Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // a client's calls give up within the timeout; the clients insist that a call's timeout covers one request's
        // (30 s by default)
        int requestTimeout = (int) Math.min(timeout.toMillis(), 30_000);
        config.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.putAll(own);
        return config;
    }

    private String clientId(String role) {
        return "sd-kafka-state-" + topic + "-" + role + "-" + Integer.toHexString(System.identityHashCode(this));
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** The Kafka cluster: {@code host:port[,host:port...]}. */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getTopic() {
        return topic;
    }

    /** The compacted topic that holds the states ({@value #DEFAULT_TOPIC} by default). */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getPartitions() {
        return partitions;
    }

    /** The partitions of the topic when it is created here (1 by default: the states are few and small). */
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public Duration getTimeout() {
        return timeout;
    }

    /** The longest a read or a write waits for the broker (30 s by default). */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Map<String, Object> getClientProperties() {
        return clientProperties;
    }

    /** Kafka client settings for the admin client, the producer and the consumer (security, for example). */
    public void setClientProperties(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
    }
}

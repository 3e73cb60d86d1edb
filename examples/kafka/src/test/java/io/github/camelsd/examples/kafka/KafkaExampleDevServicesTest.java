package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as {@code quarkus dev} runs it: the Kafka broker and the API emulator come from the camel-sd Dev
 * Services, nothing configures them. Only S3 is given ({@link S3}): the S3 Dev Service serves {@code staging=s3}, and
 * the example writes its images through its own aws2-s3 endpoint. A prompt sent to {@code prompts} gives a result
 * event on {@code renders}, on topics that nobody created.
 */
@QuarkusTest
@TestProfile(KafkaExampleDevServicesTest.DevServicesOnly.class)
class KafkaExampleDevServicesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class DevServicesOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // application.properties turns both off for the tests that bring their own servers
            return Map.of("quarkus.camel.sd.devservices.enabled", "true",
                    "quarkus.camel.sd.devservices.kafka.enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3.class));
        }
    }

    /** S3Proxy with the example's bucket, and the aws2-s3 component's configuration for it. */
    public static class S3 implements QuarkusTestResourceLifecycleManager {

        private LocalS3Store store;

        @Override
        public Map<String, String> start() {
            store = LocalS3Store.start(LocalServers.BUCKET, LocalServers.ACCESS_KEY, LocalServers.SECRET_KEY);
            return Map.of(
                    "camel.component.aws2-s3.region", LocalS3Store.REGION,
                    "camel.component.aws2-s3.access-key", LocalServers.ACCESS_KEY,
                    "camel.component.aws2-s3.secret-key", LocalServers.SECRET_KEY,
                    "camel.component.aws2-s3.override-endpoint", "true",
                    "camel.component.aws2-s3.uri-endpoint-override", store.endpoint(),
                    "camel.component.aws2-s3.force-path-style", "true");
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(store, new TestInjector.MatchesType(LocalS3Store.class));
        }

        @Override
        public void stop() {
            if (store != null) {
                try {
                    store.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop S3Proxy", e);
                }
                store = null;
            }
        }
    }

    // injected by S3
    LocalS3Store s3;

    @Test
    void aPromptGivesAResultEventThroughTheDevServices() throws Exception {
        Config config = ConfigProvider.getConfig();
        String bootstrapServers = config.getValue("kafka.bootstrap.servers", String.class);
        assertTrue(bootstrapServers.startsWith("127.0.0.1:"), "the Dev Service's broker: " + bootstrapServers);
        assertEquals(bootstrapServers, config.getValue("camel.component.kafka.brokers", String.class));
        assertTrue(config.getValue("camel.component.sd.base-url", String.class).startsWith("http://127.0.0.1:"),
                "the Dev Service's emulator");

        String key = "order-" + UUID.randomUUID();
        send(bootstrapServers, key, "a lighthouse at dusk " + key);
        ConsumerRecord<String, String> result = awaitRecord(bootstrapServers, LocalServers.RENDERS, key);

        JsonNode event = JSON.readTree(result.value());
        assertEquals("success", event.path("status").asText(), result.value());
        assertEquals(key, event.path("key").asText(), result.value());
        assertEquals(LocalServers.PROMPTS, event.path("source").path("topic").asText(), result.value());
        JsonNode objects = event.path("objects");
        assertEquals(1, objects.size(), result.value());
        assertNotNull(s3.object(objects.get(0).asText()), "no object in S3; keys: " + s3.keys());
    }

    private static void send(String bootstrapServers, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(LocalServers.PROMPTS, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The first record of {@code topic} (read from its start) under {@code key}. */
    private static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-example-devservices-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> others = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                    others.add(record.value());
                }
            }
        }
        throw new AssertionError("no record under " + key + " in " + topic + " within " + TIMEOUT + "; others: "
                + others);
    }
}

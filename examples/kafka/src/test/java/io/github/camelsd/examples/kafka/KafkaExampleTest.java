package io.github.camelsd.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsd.emulator.Fault;
import io.github.camelsd.emulator.SdEmulator;
import io.github.camelsd.kafkabroker.KafkaBroker;
import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The example end to end on a real Kafka broker, S3Proxy and the API emulator ({@link KafkaExampleResource}): records
 * go into {@code prompts} with a producer of the test, results and dead letters are read back from their topics with
 * a consumer of the test, the images from the store, the submissions from the emulator.
 */
@QuarkusTest
@WithTestResource(KafkaExampleResource.class)
class KafkaExampleTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String TEXT2IMG = "/api/v3/text2img";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    // injected by KafkaExampleResource
    KafkaBroker broker;
    LocalS3Store s3;
    SdEmulator emulator;

    @AfterEach
    void disarmFaults() {
        emulator.faults().clear();
    }

    @Test
    void everyPromptGivesOneResultEventUnderItsKeyAndItsImagesInS3() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // plain text is the prompt; a JSON object is the whole request (here: two images, a size)
        Map<String, String> requests = new HashMap<>();
        requests.put("order-" + run + "-1", "a lighthouse at dusk " + run);
        requests.put("order-" + run + "-2", "a red fox in the snow " + run);
        requests.put("order-" + run + "-3", "a bowl of ramen, top view " + run);
        requests.put("order-" + run + "-4", "{\"prompt\": \"a harbour at dawn " + run + "\", \"width\": 256, \"height\": 128}");
        requests.put("order-" + run + "-5", "{\"prompt\": \"two cats " + run + "\", \"samples\": 2}");
        int submissionsBefore = emulator.requestCount(TEXT2IMG);

        requests.forEach(this::send);
        List<ConsumerRecord<String, String>> results = await(KafkaExampleResource.RENDERS, requests.keySet(), TIMEOUT);

        assertEquals(requests.keySet(), keys(results), "one result event per prompt, under the prompt's key");
        assertEquals(requests.size(), results.size(), "one event per prompt: " + values(results));
        for (ConsumerRecord<String, String> result : results) {
            JsonNode event = JSON.readTree(result.value());
            assertEquals(result.key(), event.path("key").asText(), result.value());
            assertEquals("success", event.path("status").asText(), result.value());
            assertFalse(event.path("jobId").asText().isEmpty(), result.value());
            assertTrue(event.path("seed").canConvertToLong(), "no seed: " + result.value());
            assertEquals(KafkaExampleResource.BUCKET, event.path("bucket").asText());
            assertEquals("image/png", event.path("mediaType").asText());
            JsonNode timings = event.path("timings");
            assertTrue(timings.path("totalMillis").asLong() > 0, result.value());
            assertTrue(timings.path("apiMillis").asLong() >= 250, "the job was queued 300 ms: " + result.value());
            assertTrue(timings.path("generationTimeSeconds").isNumber(), result.value());
            assertEquals(KafkaExampleResource.PROMPTS, event.path("source").path("topic").asText());

            int expectedImages = result.key().endsWith("-5") ? 2 : 1;
            JsonNode objects = event.path("objects");
            assertEquals(expectedImages, objects.size(), result.value());
            for (int i = 0; i < objects.size(); i++) {
                String key = objects.get(i).asText();
                assertEquals("renders/" + event.path("jobId").asText() + "-" + i + ".png", key);
                byte[] image = s3.object(key);
                assertNotNull(image, "no object " + key + " in S3; keys: " + s3.keys());
                assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, PNG_SIGNATURE.length), key + " is not a PNG");
            }
            assertNoApiKey(result);
        }
        // nothing submitted twice, nothing lost: one job per prompt reached the API
        assertEquals(requests.size(), emulator.requestCount(TEXT2IMG) - submissionsBefore);
    }

    @Test
    void aJobThatKeepsFailingEndsAsOneDeadLetterAfterTheShippedRetries() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String prompt = "a castle in the clouds " + key;
        emulator.faults().forPath(TEXT2IMG, Fault.generationFailed(), 100);
        int submissionsBefore = emulator.requestCount(TEXT2IMG);

        send(key, prompt);
        ConsumerRecord<String, String> deadLetter = awaitOne(KafkaExampleResource.DEAD_LETTERS, key);

        JsonNode event = JSON.readTree(deadLetter.value());
        assertEquals(key, event.path("key").asText());
        assertEquals("failed", event.path("status").asText());
        assertEquals("io.github.camelsd.component.error.SdGenerationFailedException", event.path("exception").asText());
        assertTrue(event.path("retryable").asBoolean(), deadLetter.value());
        assertFalse(event.path("reason").asText().isBlank(), deadLetter.value());
        assertEquals(1 + KafkaExampleResource.MAX_REDELIVERIES, event.path("attempts").asInt(), deadLetter.value());
        assertEquals(prompt, event.path("originalRequest").asText(), "the original request: " + deadLetter.value());
        assertNoApiKey(deadLetter);
        // the first attempt and each redelivery of the shipped back-off, and nothing after
        assertEquals(1 + KafkaExampleResource.MAX_REDELIVERIES, emulator.requestCount(TEXT2IMG) - submissionsBefore);
        assertTrue(await(KafkaExampleResource.RENDERS, Set.of(key), Duration.ofMillis(500)).isEmpty(),
                "a failed prompt got a result event");
    }

    @Test
    void anInvalidRequestIsDeadLetteredAtOnceWithoutReachingTheApi() throws Exception {
        String key = "order-" + UUID.randomUUID();
        // width 513 is no multiple of 8; the request also carries an API key, as a careless client might send it
        String request = "{\"prompt\": \"a tower " + key + "\", \"width\": 513, \"key\": \"" + apiKey() + "\"}";
        int submissionsBefore = emulator.requestCount(TEXT2IMG);

        send(key, request);
        ConsumerRecord<String, String> deadLetter = awaitOne(KafkaExampleResource.DEAD_LETTERS, key);

        JsonNode event = JSON.readTree(deadLetter.value());
        assertEquals("io.github.camelsd.component.error.SdValidationException", event.path("exception").asText());
        assertFalse(event.path("retryable").asBoolean(), deadLetter.value());
        assertEquals(1, event.path("attempts").asInt(), "not retried: " + deadLetter.value());
        assertTrue(event.path("reason").asText().contains("width"), deadLetter.value());
        assertTrue(event.path("fieldErrors").has("width"), deadLetter.value());
        JsonNode original = event.path("originalRequest");
        assertEquals("a tower " + key, original.path("prompt").asText(), deadLetter.value());
        assertEquals(513, original.path("width").asInt(), deadLetter.value());
        assertEquals(RenderEvents.MASK, original.path("key").asText(), deadLetter.value());
        assertNoApiKey(deadLetter);
        assertEquals(0, emulator.requestCount(TEXT2IMG) - submissionsBefore, "an invalid request reached the API");
    }

    private static String apiKey() {
        return ConfigProvider.getConfig().getValue("camel.component.sd.api-key", String.class);
    }

    /** The whole record, value and headers, searched for the API key. */
    private static void assertNoApiKey(ConsumerRecord<String, String> record) {
        String key = apiKey();
        assertFalse(record.value().contains(key), "the API key is in the record: " + record.value());
        for (Header header : record.headers()) {
            assertFalse(header.key().contains(key), "the API key is in a header name");
            assertFalse(header.value() != null && new String(header.value(), StandardCharsets.UTF_8).contains(key),
                    "the API key is in header " + header.key());
        }
    }

    private void send(String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(KafkaExampleResource.PROMPTS, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + KafkaExampleResource.PROMPTS, e);
        }
    }

    /** Exactly one record of {@code topic} under {@code key}: waits for it, then a moment longer for a second one. */
    private ConsumerRecord<String, String> awaitOne(String topic, String key) {
        List<ConsumerRecord<String, String>> records = await(topic, Set.of(key), TIMEOUT);
        assertEquals(1, records.size(), "records under " + key + " in " + topic + ": " + values(records));
        List<ConsumerRecord<String, String>> later = await(topic, Set.of(key), Duration.ofMillis(500), 2);
        assertEquals(1, later.size(), "more than one record under " + key + " in " + topic + ": " + values(later));
        return records.get(0);
    }

    private List<ConsumerRecord<String, String>> await(String topic, Set<String> keys, Duration timeout) {
        return await(topic, keys, timeout, keys.size());
    }

    /** The records of {@code topic} (from its start) under {@code keys}, once {@code count} are there or at timeout. */
    private List<ConsumerRecord<String, String>> await(String topic, Set<String> keys, Duration timeout, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-example-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count) {
                if (System.nanoTime() > deadline) {
                    if (timeout.compareTo(TIMEOUT) >= 0) {
                        fail(records.size() + " of " + count + " records under " + keys + " in " + topic + " after "
                                + timeout + ": " + values(records));
                    }
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (keys.contains(record.key())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return Set.copyOf(records.stream().map(ConsumerRecord::key).toList());
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}

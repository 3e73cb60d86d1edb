package io.github.camelsd.kafkabroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real broker: records produced with kafka-clients come back to a consumer group, keys, order and all. */
class KafkaBrokerTest {

    @Test
    void producedRecordsAreConsumedWithTheirKeys() throws Exception {
        long started = System.nanoTime();
        Path logDir;
        try (KafkaBroker broker = KafkaBroker.start()) {
            System.out.printf("broker started in %d ms at %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), broker.bootstrapServers());
            logDir = broker.logDir();
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"), broker.bootstrapServers());
            assertTrue(Files.isDirectory(logDir));
            broker.createTopics("greetings");
            broker.createTopics("greetings"); // idempotent

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>("greetings", "key-" + i, "hello " + i)).get(10, TimeUnit.SECONDS);
                }
                // auto.create.topics.enable: a topic nobody created comes into being on first use
                producer.send(new ProducerRecord<>("created-on-first-use", "k", "v")).get(10, TimeUnit.SECONDS);
            }

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
                consumer.subscribe(List.of("greetings"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received.size() < 5 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
                consumer.commitSync();
            }
            assertEquals(5, received.size(), "records received: " + received);
            for (int i = 0; i < 5; i++) {
                assertEquals("key-" + i, received.get(i).key());
                assertEquals("hello " + i, received.get(i).value());
            }
        }
        assertFalse(Files.exists(logDir), "the log folder outlived the broker");
    }

    @Test
    void twoBrokersRunSideBySide() {
        try (KafkaBroker first = KafkaBroker.start(); KafkaBroker second = KafkaBroker.start()) {
            assertFalse(first.bootstrapServers().equals(second.bootstrapServers()));
        }
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"));
        return props;
    }

    private static Properties consumerConfig(KafkaBroker broker) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return props;
    }
}

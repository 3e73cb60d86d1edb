package io.github.camelsd.examples.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The example by hand, without any server installed: starts the servers the tests use ({@link LocalServers}: a real
 * Kafka broker on 127.0.0.1:9092 unless {@code --kafka-port} says otherwise, S3Proxy, the API emulator), writes the
 * application's configuration for them to a properties file, then reads prompts from standard input and prints the
 * result events and dead letters as they arrive. See docs/kafka-example.md.
 *
 * <pre>
 * LocalDemo [--kafka-port 9092] [--config examples/kafka/target/local.properties]
 * stdin, one record per line:  KEY PROMPT        e.g.  order-1 a lighthouse at dusk
 *                              KEY {JSON}        e.g.  order-2 {"prompt": "two cats", "samples": 2}
 * </pre>
 */
public final class LocalDemo {

    private LocalDemo() {
    }

    public static void main(String[] args) throws Exception {
        int kafkaPort = 9092;
        Path configFile = Path.of("examples/kafka/target/local.properties");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--config" -> configFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(
                        "usage: LocalDemo [--kafka-port 9092] [--config FILE]; unknown: " + args[i]);
            }
        }
        // jobs stay queued 2 s, as a real one might; identical prompts within 30 s hit the spam filter, as on the API
        try (LocalServers servers = LocalServers.start(kafkaPort, Duration.ofSeconds(2), Duration.ofSeconds(30))) {
            writeConfig(servers.config(), configFile);
            System.out.println("Kafka " + servers.broker.bootstrapServers() + ", S3 " + servers.s3.endpoint()
                    + " (bucket " + LocalServers.BUCKET + "), API emulator " + servers.emulator.baseUrl()
                    + ", ready in " + servers.brokerStartup.toMillis() + " ms.");
            System.out.println("Start the application in another terminal:");
            // S3Proxy 3.1.0 refuses the request checksums the AWS SDK sends by default (see LocalS3Store)
            System.out.println("  java -Daws.requestChecksumCalculation=when_required -Dquarkus.config.locations="
                    + configFile.toAbsolutePath() + " -jar examples/kafka/target/quarkus-app/quarkus-run.jar");
            System.out.println("Then type one record per line: KEY PROMPT, or KEY {JSON request}. Ctrl-D ends.");

            Thread printer = new Thread(() -> print(servers.broker.bootstrapServers()), "local-demo-printer");
            printer.setDaemon(true);
            printer.start();
            produce(servers.broker.bootstrapServers());
            System.out.println("Input closed: waiting 5 s for the last events, then stopping the servers.");
            TimeUnit.SECONDS.sleep(5);
            System.out.println("S3 objects: " + servers.s3.keys());
        }
    }

    private static void writeConfig(Map<String, String> config, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        // %prod: the packaged application runs in the prod profile, where these win over application.properties'
        StringBuilder text = new StringBuilder("# written by LocalDemo: the local servers it runs\n");
        config.forEach((key, value) -> text.append("%prod.").append(key).append('=')
                .append(value.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, text);
    }

    private static void produce(String bootstrapServers) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int space = line.indexOf(' ');
                String key = space < 0 ? "key-" + UUID.randomUUID() : line.substring(0, space);
                String value = space < 0 ? line : line.substring(space + 1).strip();
                producer.send(new ProducerRecord<>(LocalServers.PROMPTS, key, value));
                producer.flush();
                System.out.println("-> " + LocalServers.PROMPTS + " [" + key + "] " + value);
            }
        }
    }

    private static void print(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-demo-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(LocalServers.RENDERS, LocalServers.DEAD_LETTERS));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println("<- " + record.topic() + " [" + record.key() + "] " + record.value());
                }
            }
        } catch (WakeupException e) {
            // stopping
        }
    }
}

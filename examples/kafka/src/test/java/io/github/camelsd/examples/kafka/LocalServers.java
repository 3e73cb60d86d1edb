package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelsd.emulator.SdEmulator;
import io.github.camelsd.kafkabroker.KafkaBroker;
import io.github.camelsd.locals3.LocalS3Store;

/**
 * The example's three servers in this JVM, on loopback: a real Kafka broker ({@link KafkaBroker}, KRaft, the example's
 * topics created), S3Proxy ({@link LocalS3Store}, bucket {@value #BUCKET}) and the API emulator ({@link SdEmulator},
 * with a fresh key). {@link #config()} is what the application needs to use them. The broker, the slowest, starts
 * while the other two do.
 */
final class LocalServers implements AutoCloseable {

    static final String BUCKET = "sd-renders";
    static final String ACCESS_KEY = "kafka-example-access-key";
    static final String SECRET_KEY = "kafka-example/secret+key";
    static final String PROMPTS = "prompts";
    static final String RENDERS = "renders";
    static final String DEAD_LETTERS = "prompts.dlq";

    final KafkaBroker broker;
    final LocalS3Store s3;
    final SdEmulator emulator;
    /** A fresh key per start, known only to this JVM: the tests grep the records for it. */
    final String apiKey;
    final Duration brokerStartup;

    private LocalServers(KafkaBroker broker, LocalS3Store s3, SdEmulator emulator, String apiKey,
                         Duration brokerStartup) {
        this.broker = broker;
        this.s3 = s3;
        this.emulator = emulator;
        this.apiKey = apiKey;
        this.brokerStartup = brokerStartup;
    }

    /**
     * @param kafkaPort the broker's port, 0 for a free one
     * @param processingTime how long each job of the emulator stays queued
     * @param spamFilterWindow the emulator's window for identical requests (0: off)
     */
    static LocalServers start(int kafkaPort, Duration processingTime, Duration spamFilterWindow) {
        long started = System.nanoTime();
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> {
            KafkaBroker running = KafkaBroker.start(kafkaPort);
            try {
                running.createTopics(PROMPTS, RENDERS, DEAD_LETTERS);
                return running;
            } catch (RuntimeException e) {
                running.close();
                throw e;
            }
        });
        LocalS3Store s3 = null;
        SdEmulator emulator = null;
        String apiKey = "sd-kafka-example-" + UUID.randomUUID();
        try {
            s3 = LocalS3Store.start(BUCKET, ACCESS_KEY, SECRET_KEY);
            emulator = SdEmulator.builder()
                    .port(0)
                    .apiKey(apiKey)
                    .processingTime(processingTime)
                    .spamFilterWindow(spamFilterWindow)
                    .build()
                    .start();
            KafkaBroker runningBroker = broker.join();
            return new LocalServers(runningBroker, s3, emulator, apiKey, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            broker.thenAccept(KafkaBroker::close);
            closeQuietly(emulator, e);
            closeQuietly(s3, e);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The application's configuration for these servers (Kafka, S3, the API). */
    Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("camel.component.kafka.brokers", broker.bootstrapServers());
        config.put("kafka.example.prompts-topic", PROMPTS);
        config.put("kafka.example.renders-topic", RENDERS);
        config.put("kafka.example.dead-letter-topic", DEAD_LETTERS);
        config.put("kafka.example.bucket", BUCKET);
        config.put("camel.component.aws2-s3.region", LocalS3Store.REGION);
        config.put("camel.component.aws2-s3.access-key", ACCESS_KEY);
        config.put("camel.component.aws2-s3.secret-key", SECRET_KEY);
        config.put("camel.component.aws2-s3.override-endpoint", "true");
        config.put("camel.component.aws2-s3.uri-endpoint-override", s3.endpoint());
        config.put("camel.component.aws2-s3.force-path-style", "true");
        config.put("camel.component.aws2-s3.use-default-credentials-provider", "false");
        config.put("camel.component.sd.base-url", emulator.baseUrl());
        config.put("camel.component.sd.api-key", apiKey);
        return config;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("cannot stop the local servers");
        closeQuietly(emulator, failure);
        closeQuietly(s3, failure);
        closeQuietly(broker, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeQuietly(AutoCloseable server, Exception failure) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}

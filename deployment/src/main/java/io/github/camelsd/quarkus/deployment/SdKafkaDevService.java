package io.github.camelsd.quarkus.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.camelsd.kafkabroker.KafkaBroker;
import io.quarkus.deployment.builditem.Startable;

/**
 * A real Kafka broker ({@link KafkaBroker}: one KRaft node, the Kafka release of the application's
 * {@code kafka-clients}) as an owned Dev Service, in the build JVM on 127.0.0.1. Quarkus starts it after the build,
 * keeps it across live reloads while {@link Settings} stay equal, and closes it (deleting its log folder) when the
 * application stops. The broker creates a topic on first use, so an application's topics need no set-up.
 */
final class SdKafkaDevService implements Startable {

    /**
     * The broker's own log categories: the Scala server ({@code kafka}), its state change log, and the server modules
     * under {@code org.apache.kafka}, but not the clients' {@code clients} and {@code common}. They log some 150 lines
     * at INFO per start, where a Dev Service logs one, so they get WARN unless the application set a level for them.
     */
    private static final List<String> BROKER_CATEGORIES = List.of("kafka", "state.change.logger",
            "org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.deferred",
            "org.apache.kafka.image", "org.apache.kafka.metadata", "org.apache.kafka.network",
            "org.apache.kafka.queue", "org.apache.kafka.raft", "org.apache.kafka.security", "org.apache.kafka.server",
            "org.apache.kafka.snapshot", "org.apache.kafka.storage", "org.apache.kafka.timeline");
    /** Held: java.util.logging refers to loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    /** What identifies one running broker: a change restarts it. */
    record Settings(int port) {

        static Settings of(SdBuildTimeConfig.Kafka config) {
            return new Settings(config.port().orElse(0));
        }
    }

    private final Settings settings;
    private volatile KafkaBroker broker;

    SdKafkaDevService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        quietBrokerLogging();
        broker = KafkaBroker.start(settings.port());
    }

    private static void quietBrokerLogging() {
        for (String category : BROKER_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code bootstrap.servers}. */
    @Override
    public String getConnectionInfo() {
        return broker.bootstrapServers();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        KafkaBroker running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}

package io.github.camelsd.quarkus.deployment;

import io.quarkus.deployment.builditem.Startable;

/**
 * A real Kafka broker ({@code KafkaBroker} of camel-sd-kafka-broker: one KRaft node on 127.0.0.1) as an owned Dev
 * Service, in a child JVM ({@link SdKafkaBrokerProcess}). Quarkus starts it after the build, keeps it across live
 * reloads while {@link Settings} stay equal, and closes it (the child stops its broker, deleting its log folder, and
 * exits) when the application stops. The broker creates a topic on first use, so an application's topics need no
 * set-up.
 */
final class SdKafkaDevService implements Startable {

    /** What identifies one running broker: a change restarts it. */
    record Settings(int port) {

        static Settings of(SdBuildTimeConfig.Kafka config) {
            return new Settings(config.port().orElse(0));
        }
    }

    private final Settings settings;
    private volatile SdKafkaBrokerProcess broker;

    SdKafkaDevService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        broker = SdKafkaBrokerProcess.start(settings.port());
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
        SdKafkaBrokerProcess running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}

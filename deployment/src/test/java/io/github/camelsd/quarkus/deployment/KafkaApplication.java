package io.github.camelsd.quarkus.deployment;

import java.util.List;

import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/** The application the Kafka Dev Service tests build: one with Kafka, no API calls, and only camel-sd's broker. */
final class KafkaApplication {

    private KafkaApplication() {
    }

    /**
     * With {@code classes}, {@link KafkaBrokerProcesses} and this class in its archive (the test class is loaded again
     * in the application, with what its initializer calls); a test adds its own configuration.
     */
    static QuarkusUnitTest with(Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(classes)
                        .addClasses(KafkaBrokerProcesses.class, KafkaApplication.class))
                // camel-quarkus-kafka for this application only: as a dependency of this module it would give every
                // other test's application Kafka, and so a broker to start
                .setForcedDependencies(List.of(Dependency.of("org.apache.camel.quarkus", "camel-quarkus-kafka",
                        System.getProperty("camel-quarkus.version"))))
                // Quarkus's Dev Services for Kafka would start a container where a container runtime is available
                .overrideConfigKey(SdKafkaDevServicesProcessor.QUARKUS_KAFKA_DEVSERVICES, "false")
                // no API calls here: the emulator need not start
                .overrideConfigKey(SdDevServicesProcessor.BASE_URL, "http://127.0.0.1:9");
    }
}

package io.github.camelsd.quarkus.deployment;

import java.util.List;

import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quarkus.camel.sd.devservices.kafka.enabled=false}: Kafka present and unconfigured, and still no broker. */
class SdKafkaDevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(KafkaBrokerProcesses.class))
            // camel-quarkus-kafka for this application only (see SdKafkaDevServicesTest)
            .setForcedDependencies(List.of(Dependency.of("org.apache.camel.quarkus", "camel-quarkus-kafka",
                    System.getProperty("camel-quarkus.version"))))
            .overrideConfigKey(SdKafkaDevServicesProcessor.QUARKUS_KAFKA_DEVSERVICES, "false")
            .overrideConfigKey(SdDevServicesProcessor.BASE_URL, "http://127.0.0.1:9")
            .overrideConfigKey("quarkus.camel.sd.devservices.kafka.enabled", "false");

    @Test
    void noBrokerIsGiven() {
        Config config = ConfigProvider.getConfig();
        assertTrue(config.getOptionalValue(SdKafkaDevServicesProcessor.BROKERS, String.class).isEmpty());
        assertTrue(config.getOptionalValue(SdKafkaDevServicesProcessor.BOOTSTRAP_SERVERS, String.class).isEmpty());
        // no child JVM runs a broker, whatever the configuration says
        assertFalse(KafkaBrokerProcesses.running(), "a Kafka broker runs");
    }
}

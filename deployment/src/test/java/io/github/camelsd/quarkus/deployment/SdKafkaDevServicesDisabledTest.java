package io.github.camelsd.quarkus.deployment;

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
    static final QuarkusUnitTest APP = KafkaApplication.with()
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

package io.github.camelsd.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kafka.bootstrap.servers} (the KAFKA_BOOTSTRAP_SERVERS variable, say) also means an own broker. */
class SdKafkaDevServicesBootstrapServersTest {

    private static final String OWN_BROKER = "127.0.0.1:9";

    @RegisterExtension
    static final QuarkusUnitTest APP = KafkaApplication.with()
            .overrideConfigKey(SdKafkaDevServicesProcessor.BOOTSTRAP_SERVERS, OWN_BROKER);

    @Test
    void theConfiguredBootstrapServersStay() {
        Config config = ConfigProvider.getConfig();
        assertEquals(OWN_BROKER, config.getValue(SdKafkaDevServicesProcessor.BOOTSTRAP_SERVERS, String.class));
        assertTrue(config.getOptionalValue(SdKafkaDevServicesProcessor.BROKERS, String.class).isEmpty(),
                "no broker was started for camel.component.kafka.brokers");
        // no child JVM runs a broker, whatever the configuration says
        assertFalse(KafkaBrokerProcesses.running(), "a Kafka broker runs");
    }
}

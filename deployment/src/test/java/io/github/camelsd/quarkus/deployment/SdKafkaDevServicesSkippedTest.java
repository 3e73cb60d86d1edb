package io.github.camelsd.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured brokers mean an own broker: no broker is started and nothing else is set. */
class SdKafkaDevServicesSkippedTest {

    private static final String OWN_BROKER = "127.0.0.1:9";

    @RegisterExtension
    static final QuarkusUnitTest APP = KafkaApplication.with()
            .overrideConfigKey(SdKafkaDevServicesProcessor.BROKERS, OWN_BROKER);

    @Test
    void theConfiguredBrokersStay() {
        Config config = ConfigProvider.getConfig();
        assertEquals(OWN_BROKER, config.getValue(SdKafkaDevServicesProcessor.BROKERS, String.class));
        assertTrue(config.getOptionalValue(SdKafkaDevServicesProcessor.BOOTSTRAP_SERVERS, String.class).isEmpty(),
                "no broker was started for kafka.bootstrap.servers");
        // no child JVM runs a broker, whatever the configuration says
        assertFalse(KafkaBrokerProcesses.running(), "a Kafka broker runs");
    }
}

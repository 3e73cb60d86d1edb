package io.github.camelsd.quarkus.deployment;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application with camel-quarkus-kafka and no broker configured: test mode gets the Dev Service's broker (in a child
 * JVM), and a record goes through it from a producer to a route's consumer on a topic that nobody created.
 */
class SdKafkaDevServicesTest {

    private static final String TOPIC = "sd-devservices-test";
    static final BlockingQueue<Exchange> RECEIVED = new LinkedBlockingQueue<>();

    @RegisterExtension
    static final QuarkusUnitTest APP = KafkaApplication.with(ConsumerRoute.class);

    @Inject
    ProducerTemplate template;

    @Test
    void bothPropertiesNameTheLocalBroker() {
        Config config = ConfigProvider.getConfig();
        String brokers = config.getValue(SdKafkaDevServicesProcessor.BROKERS, String.class);
        assertTrue(brokers.matches("127\\.0\\.0\\.1:\\d+"), brokers);
        assertEquals(brokers, config.getValue(SdKafkaDevServicesProcessor.BOOTSTRAP_SERVERS, String.class));
        // in a child JVM (the skipped tests check there is none)
        assertTrue(KafkaBrokerProcesses.running(), "no child JVM runs a broker");
    }

    @Test
    void theBrokerIsNotInTheApplication() {
        // the application has kafka-clients (camel-quarkus-kafka), but nothing of the broker's own
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("kafka.server.KafkaRaftServer", false,
                application));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("scala.Option", false, application));
    }

    @Test
    void aRecordGoesThroughTheBrokerToTheRoute() throws InterruptedException {
        template.sendBodyAndHeader("kafka:" + TOPIC, "a lighthouse at dusk", "kafka.KEY", "order-1");

        Exchange received = RECEIVED.poll(60, TimeUnit.SECONDS);
        assertNotNull(received, "no record within 60 s");
        assertEquals("a lighthouse at dusk", received.getMessage().getBody(String.class));
        assertEquals("order-1", received.getMessage().getHeader("kafka.KEY", String.class));
        assertEquals(TOPIC, received.getMessage().getHeader("kafka.TOPIC", String.class));
    }

    public static class ConsumerRoute extends RouteBuilder {

        @Override
        public void configure() {
            // earliest: the record may be written before the consumer has joined its group; a short poll: a quick stop
            from("kafka:" + TOPIC + "?groupId=sd-devservices-test&autoOffsetReset=earliest&pollTimeoutMs=500")
                    .process(RECEIVED::add);
        }
    }
}

package io.github.camelsd.quarkus.deployment;

import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An application without Kafka: its build's class loader, the one other extensions' build steps look for classes in,
 * has no Kafka class, although the extension carries the Kafka broker's jars (camel-sd-kafka-broker-bundle).
 * Micrometer, for one, wires its Kafka binder in when {@code org.apache.kafka.clients.consumer.Consumer} loads there,
 * and the application then fails to start without kafka-clients. A build step of the test looks, as Micrometer's does.
 */
class SdNoKafkaOnBuildClassPathTest {

    private static final String PROBE = "sd.test.build-class-loader.";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(KafkaBrokerProcesses.class))
            .overrideConfigKey(SdDevServicesProcessor.BASE_URL, "http://127.0.0.1:9")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(new BuildStep() {
                @Override
                public void execute(BuildContext context) {
                    // build steps run with the build's class loader as the context class loader
                    ClassLoader build = Thread.currentThread().getContextClassLoader();
                    probe(context, "kafka-consumer", loadable(build, "org.apache.kafka.clients.consumer.Consumer"));
                    probe(context, "kafka-server", loadable(build, "kafka.server.KafkaRaftServer"));
                    probe(context, "scala", loadable(build, "scala.Option"));
                    probe(context, "broker-jars", build.getResource("META-INF/camel-sd-kafka-broker/jars") != null);
                }
            }).produces(RunTimeConfigurationDefaultBuildItem.class).build());

    private static void probe(BuildContext context, String name, boolean value) {
        context.produce(new RunTimeConfigurationDefaultBuildItem(PROBE + name, String.valueOf(value)));
    }

    private static boolean loadable(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Test
    void theBuildClassLoaderHasNoKafkaClass() {
        Config config = ConfigProvider.getConfig();
        assertFalse(config.getValue(PROBE + "kafka-consumer", Boolean.class), "kafka-clients on the build class path");
        assertFalse(config.getValue(PROBE + "kafka-server", Boolean.class), "kafka_2.13 on the build class path");
        assertFalse(config.getValue(PROBE + "scala", Boolean.class), "scala-library on the build class path");
        // the same class loader has the broker's jars, as resources
        assertEquals(true, config.getValue(PROBE + "broker-jars", Boolean.class), "camel-sd-kafka-broker-bundle");
        assertFalse(KafkaBrokerProcesses.running(), "an application without Kafka got a Kafka broker");
    }
}

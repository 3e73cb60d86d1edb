package io.github.camelsd.quarkus.deployment;

import java.util.Map;

import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DockerStatusBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * A Kafka broker for applications with Kafka ({@code kafka-clients} among their dependencies: camel-quarkus-kafka,
 * quarkus-kafka-client, ...) that configure none: in dev and test mode {@link SdKafkaDevService} runs one in a child
 * JVM, without a container, and the application gets it as {@code camel.component.kafka.brokers} (Camel's kafka
 * component) and {@code kafka.bootstrap.servers} (Quarkus's Kafka clients).
 *
 * <p>Whether the application has Kafka is read from its dependencies, never by loading a Kafka class: the build's
 * class path has none of its own (see {@link SdKafkaBrokerClasspath}), and other extensions take a loadable Kafka class
 * for the application having Kafka.
 *
 * <p>Quarkus's own Dev Services for Kafka start a container whenever {@code kafka.bootstrap.servers} is not in the
 * build's configuration, and the values of a Dev Service reach only the running application, never another build
 * step. Two brokers would then compete for {@code kafka.bootstrap.servers}, so this one gives way where that container
 * can start: when {@code quarkus.kafka.devservices.enabled} is not {@code false} and a container runtime is available.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
class SdKafkaDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(SdKafkaDevServicesProcessor.class);
    static final String BROKERS = "camel.component.kafka.brokers";
    static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    static final String QUARKUS_KAFKA_DEVSERVICES = "quarkus.kafka.devservices.enabled";

    @BuildStep
    DevServicesResultBuildItem kafka(SdBuildTimeConfig config, CurateOutcomeBuildItem application,
                                     DockerStatusBuildItem containerRuntime) {
        if (!hasKafkaClients(application)) {
            return null;
        }
        if (!config.devservices().kafka().enabled()) {
            LOG.debug("Not starting the Kafka Dev Service of camel-sd: quarkus.camel.sd.devservices.kafka.enabled is"
                    + " false");
            return null;
        }
        for (String property : new String[] { BROKERS, BOOTSTRAP_SERVERS }) {
            if (ConfigUtils.isPropertyNonEmpty(property)) {
                LOG.debugf("Not starting the Kafka Dev Service of camel-sd: %s is configured", property);
                return null;
            }
        }
        // asked last: finding out whether a container runtime works can take seconds (cached for the whole build)
        boolean quarkusKafkaDevServices = ConfigProvider.getConfig()
                .getOptionalValue(QUARKUS_KAFKA_DEVSERVICES, Boolean.class).orElse(true);
        if (quarkusKafkaDevServices && containerRuntime.isContainerRuntimeAvailable()) {
            LOG.debugf("Not starting the Kafka Dev Service of camel-sd: Quarkus's Dev Services for Kafka start a"
                    + " container (%s=false for camel-sd's broker)", QUARKUS_KAFKA_DEVSERVICES);
            return null;
        }
        SdKafkaDevService.Settings settings = SdKafkaDevService.Settings.of(config.devservices().kafka());
        return DevServicesResultBuildItem.owned()
                .name(SdProcessor.FEATURE + "-kafka")
                .description("Kafka broker (KRaft, in a child JVM)")
                .serviceConfig(settings)
                .startable(() -> new SdKafkaDevService(settings))
                .postStartHook(broker -> LOG.infof(
                        "Dev Services for camel-sd started a Kafka broker at %s (set %s or %s for another one, or"
                        + " quarkus.camel.sd.devservices.kafka.enabled=false)%s",
                        broker.getConnectionInfo(), BROKERS, BOOTSTRAP_SERVERS,
                        quarkusKafkaDevServices
                                ? "; " + QUARKUS_KAFKA_DEVSERVICES + "=false stops Quarkus's Dev Services for Kafka"
                                        + " from looking for a container runtime"
                                : ""))
                .configProvider(Map.of(
                        BROKERS, SdKafkaDevService::getConnectionInfo,
                        BOOTSTRAP_SERVERS, SdKafkaDevService::getConnectionInfo))
                .build();
    }

    private static boolean hasKafkaClients(CurateOutcomeBuildItem application) {
        return application.getApplicationModel().getRuntimeDependencies().stream()
                .anyMatch(dependency -> "org.apache.kafka".equals(dependency.getGroupId())
                        && "kafka-clients".equals(dependency.getArtifactId()));
    }
}

package io.github.camelsd.quarkus.deployment;

import java.util.Optional;

import io.github.camelsd.component.SdImageRequest;
import io.github.camelsd.quarkus.SdApiReadinessCheck;
import io.github.camelsd.quarkus.SdJobMeters;
import io.github.camelsd.quarkus.SdMetricsEventNotifier;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * The camel-sd extension's build steps, one per concern.
 * <p>
 * What Camel Quarkus already does for the component is not repeated here: camel-sd ships a Jandex index (so its classes
 * are in the combined index without an IndexDependencyBuildItem), Camel Quarkus resolves the service files under
 * {@code META-INF/services/org/apache/camel} at build time and registers the configurers for reflection, and it adds the
 * component descriptor {@code sd.json} to a native image together with the runtime catalog.
 */
public class SdProcessor {

    public static final String FEATURE = "camel-sd";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Jackson writes the typed request through its getters; everything else it reads or writes is a Map or a List. */
    @BuildStep
    ReflectiveClassBuildItem jacksonTypes() {
        return ReflectiveClassBuildItem.builder(SdImageRequest.class).methods().fields().build();
    }

    /** The API is served over HTTPS: a native image needs the JDK's TLS support. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem tls() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /** The readiness check is a bean: Camel Quarkus' registry finds HealthCheck beans for the Camel health registry. */
    @BuildStep
    AdditionalBeanBuildItem readinessCheck(SdBuildTimeConfig config) {
        if (!config.health().enabled()) {
            return null;
        }
        return AdditionalBeanBuildItem.unremovableOf(SdApiReadinessCheck.class);
    }

    /** Meters only with Micrometer: the runtime module has it as an optional dependency. */
    @BuildStep
    AdditionalBeanBuildItem metrics(SdBuildTimeConfig config, Optional<MetricsCapabilityBuildItem> metricsCapability) {
        boolean micrometer = metricsCapability.map(m -> m.metricsSupported(MetricsFactory.MICROMETER)).orElse(false);
        if (!config.metrics().enabled() || !micrometer) {
            return null;
        }
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(SdJobMeters.class, SdMetricsEventNotifier.class)
                .setUnremovable()
                .build();
    }
}

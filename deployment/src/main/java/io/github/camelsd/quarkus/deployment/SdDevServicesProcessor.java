package io.github.camelsd.quarkus.deployment;

import java.util.Map;

import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.jboss.logging.Logger;

/**
 * Dev Services for camel-sd: in dev and test mode, when no {@code camel.component.sd.base-url} is configured, the API
 * emulator ({@link SdEmulatorDevService}) serves on a free loopback port and the application gets its URL and a random
 * key as {@code camel.component.sd.base-url} and {@code camel.component.sd.api-key}.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
class SdDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(SdDevServicesProcessor.class);
    static final String BASE_URL = "camel.component.sd.base-url";
    static final String API_KEY = "camel.component.sd.api-key";

    @BuildStep
    DevServicesResultBuildItem emulator(SdBuildTimeConfig config) {
        if (!config.devservices().enabled()) {
            LOG.debug("Not starting Dev Services for camel-sd: quarkus.camel.sd.devservices.enabled is false");
            return null;
        }
        if (ConfigUtils.isPropertyNonEmpty(BASE_URL)) {
            LOG.debugf("Not starting Dev Services for camel-sd: %s is configured", BASE_URL);
            return null;
        }
        SdEmulatorDevService.Settings settings = SdEmulatorDevService.Settings.of(config.devservices());
        return DevServicesResultBuildItem.owned()
                .name(SdProcessor.FEATURE)
                .description("Stable Diffusion API emulator")
                .serviceConfig(settings)
                .startable(() -> new SdEmulatorDevService(settings))
                .postStartHook(emulator -> LOG.infof(
                        "Dev Services for camel-sd started the Stable Diffusion API emulator at %s"
                        + " (set %s for a real API, or quarkus.camel.sd.devservices.enabled=false)",
                        emulator.getConnectionInfo(), BASE_URL))
                .configProvider(Map.of(
                        BASE_URL, SdEmulatorDevService::getConnectionInfo,
                        API_KEY, SdEmulatorDevService::apiKey))
                .build();
    }
}

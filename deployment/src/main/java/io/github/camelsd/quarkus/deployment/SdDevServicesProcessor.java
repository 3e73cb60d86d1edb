package io.github.camelsd.quarkus.deployment;

import java.util.Map;

import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.ConfigProvider;
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
    static final String STAGING = "camel.component.sd.staging";
    static final String STAGING_URI = "camel.component.sd.staging-uri";

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

    /**
     * S3Proxy for {@code staging=s3} without a {@code staging-uri}: the application gets an aws2-s3 URI of bucket
     * {@value SdS3DevService#BUCKET} on it as {@code camel.component.sd.staging-uri}, and its keys as the aws2-s3
     * component's credentials (never inside the URI, which Camel would print).
     */
    @BuildStep
    DevServicesResultBuildItem s3(SdBuildTimeConfig config) {
        String staging = ConfigProvider.getConfig().getOptionalValue(STAGING, String.class).orElse("");
        if (!"s3".equalsIgnoreCase(staging.trim())) {
            return null;
        }
        if (!config.devservices().s3().enabled()) {
            LOG.debug("Not starting S3 Dev Services for camel-sd: quarkus.camel.sd.devservices.s3.enabled is false");
            return null;
        }
        if (ConfigUtils.isPropertyNonEmpty(STAGING_URI)) {
            LOG.debugf("Not starting S3 Dev Services for camel-sd: %s is configured", STAGING_URI);
            return null;
        }
        return DevServicesResultBuildItem.owned()
                .name(SdProcessor.FEATURE + "-s3")
                .description("S3-compatible staging store (S3Proxy)")
                .serviceConfig(SdS3DevService.BUCKET)
                .startable(SdS3DevService::new)
                .postStartHook(s3 -> LOG.infof(
                        "Dev Services for camel-sd started S3Proxy at %s with bucket %s for staging=s3"
                        + " (set %s for a real store, or quarkus.camel.sd.devservices.s3.enabled=false)",
                        s3.getConnectionInfo(), SdS3DevService.BUCKET, STAGING_URI))
                .configProvider(Map.of(STAGING_URI, SdS3DevService::stagingUri,
                        "camel.component.aws2-s3.access-key", SdS3DevService::accessKey,
                        "camel.component.aws2-s3.secret-key", SdS3DevService::secretKey))
                .build();
    }
}

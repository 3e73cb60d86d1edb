package io.github.camelsd.quarkus.deployment;

import java.util.Map;
import java.util.UUID;

import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem.RunningDevService;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for camel-sd: in dev and test mode, when no {@code camel.component.sd.base-url} is configured, the API
 * emulator runs inside the build JVM on a free loopback port and the sd component is pointed at it with a random key.
 * No container is needed. The emulator survives live reloads and stops with the application.
 */
class SdDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(SdDevServicesProcessor.class);
    static final String BASE_URL = "camel.component.sd.base-url";
    static final String API_KEY = "camel.component.sd.api-key";

    /** The running emulator, kept across live reloads of the same application. */
    private static volatile RunningDevService running;

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem startEmulator(SdBuildTimeConfig config, CuratedApplicationShutdownBuildItem shutdown) {
        boolean baseUrlConfigured = ConfigProvider.getConfig().getOptionalValue(BASE_URL, String.class).isPresent();
        if (!config.devservices().enabled() || baseUrlConfigured) {
            stop();
            return null;
        }
        if (running == null) {
            String key = "sd-devservices-" + UUID.randomUUID();
            SdEmulator emulator = SdEmulator.builder()
                    .port(0)
                    .apiKey(key)
                    .processingTime(config.devservices().processingTime())
                    .queueLimit(config.devservices().queueLimit())
                    .build()
                    .start();
            running = new RunningDevService("camel-sd", null, emulator::close,
                    Map.of(BASE_URL, emulator.baseUrl(), API_KEY, key));
            LOG.infof("Dev Services for camel-sd started the Stable Diffusion API emulator at %s"
                      + " (set %s to use a real server, or quarkus.camel.sd.devservices.enabled=false)",
                    emulator.baseUrl(), BASE_URL);
            shutdown.addCloseTask(SdDevServicesProcessor::stop, true);
        }
        return running.toBuildItem();
    }

    private static void stop() {
        RunningDevService service = running;
        running = null;
        if (service != null) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Could not stop the camel-sd API emulator", e);
            }
        }
    }
}

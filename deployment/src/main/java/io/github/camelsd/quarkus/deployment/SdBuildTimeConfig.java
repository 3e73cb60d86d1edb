package io.github.camelsd.quarkus.deployment;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time switches of the camel-sd extension. */
@ConfigMapping(prefix = "quarkus.camel.sd")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SdBuildTimeConfig {

    /** Dev Services: a local API emulator for dev and test mode. */
    DevServices devservices();

    interface DevServices {

        /**
         * Start the API emulator in dev and test mode when {@code camel.component.sd.base-url} is not configured.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long the emulator keeps each job in {@code processing} (0: answers at once). */
        @WithDefault("0s")
        Duration processingTime();

        /** How many jobs per key the emulator lets be processing at once (the API's plans: 5, 10 or 15). */
        @WithDefault("15")
        int queueLimit();
    }
}

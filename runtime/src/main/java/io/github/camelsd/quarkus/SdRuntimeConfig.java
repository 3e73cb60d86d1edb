package io.github.camelsd.quarkus;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time settings of the camel-sd extension. The connection itself (key, base URL, API family, timeouts) is the
 * component's: {@code camel.component.sd.*}.
 */
@ConfigMapping(prefix = "quarkus.camel.sd")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SdRuntimeConfig {

    /** The readiness check backed by {@code sd:system-load}. */
    Health health();

    interface Health {

        /**
         * How long one answer of the API (up or down) is reused before {@code sd:system-load} is called again. Every
         * call costs a request on the account, so probes hitting the check every few seconds must not reach the API
         * each time.
         */
        @WithDefault("30s")
        Duration cachePeriod();

        /** How long the {@code sd:system-load} call of one check may take before the check reports down. */
        @WithDefault("5s")
        Duration timeout();
    }
}

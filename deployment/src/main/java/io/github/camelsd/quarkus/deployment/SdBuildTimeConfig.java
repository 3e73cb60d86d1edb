package io.github.camelsd.quarkus.deployment;

import java.time.Duration;
import java.util.OptionalInt;

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

    /** The readiness check backed by {@code sd:system-load}. */
    Health health();

    /** Micrometer meters of sd jobs. */
    Metrics metrics();

    interface DevServices {

        /**
         * Start the API emulator in dev and test mode when {@code camel.component.sd.base-url} is not configured. The
         * application then gets {@code camel.component.sd.base-url} and a random {@code camel.component.sd.api-key}.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long the emulator keeps each job in {@code processing} (0: answers success at once). */
        @WithDefault("0s")
        Duration processingTime();

        /** How many jobs per key the emulator lets be processing at once (the API's plans: 5, 10 or 15). */
        @WithDefault("15")
        int queueLimit();

        /** How long the emulator answers an identical repeated request with the spam-filter error (0: never). */
        @WithDefault("30s")
        Duration spamFilterWindow();

        /** Dev Services for {@code staging=s3}: a local S3-compatible server. */
        S3 s3();

        /** Dev Services for applications with Kafka: a Kafka broker in a child JVM. */
        Kafka kafka();
    }

    interface S3 {

        /**
         * Start S3Proxy (in process, in-memory store, random keys, bucket {@code sd-staging}) in dev and test mode when
         * {@code camel.component.sd.staging} is {@code s3} and {@code camel.component.sd.staging-uri} is not
         * configured. The application then gets {@code camel.component.sd.staging-uri}, an aws2-s3 URI for it.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Kafka {

        /**
         * Start a Kafka broker (KRaft, one node, in a child JVM, on 127.0.0.1) in dev and test mode when the
         * application has Kafka ({@code kafka-clients} among its dependencies: camel-quarkus-kafka, quarkus-kafka-client,
         * ...) and neither {@code camel.component.kafka.brokers} nor {@code kafka.bootstrap.servers} is configured. The
         * application then gets both. Where Quarkus's Dev Services for Kafka can start a container (a container runtime
         * is available and {@code quarkus.kafka.devservices.enabled} is not {@code false}), those are left to do it.
         */
        @WithDefault("true")
        boolean enabled();

        /** The broker's port on 127.0.0.1; a free one if not set. */
        OptionalInt port();
    }

    interface Health {

        /**
         * Register the readiness check {@code camel-sd-api}. It is reported by camel-quarkus-microprofile-health (or
         * any Camel health registry) under {@code /q/health/ready}.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Metrics {

        /** Record the {@code camel.sd.*} meters when the application has quarkus-micrometer. */
        @WithDefault("true")
        boolean enabled();
    }
}

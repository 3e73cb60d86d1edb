package io.github.camelsd.quarkus.deployment;

import io.github.camelsd.quarkus.SdApiReadinessCheck;
import io.github.camelsd.quarkus.SdMetricsEventNotifier;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The readiness check can be switched off, and the meters exist only with Micrometer (absent from this classpath);
 * the application starts either way.
 */
class SdOptionalBeansTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.sd.health.enabled", "false")
            .overrideConfigKey("quarkus.camel.sd.devservices.enabled", "false");

    @Test
    void neitherBeanIsRegistered() {
        assertFalse(Arc.container().select(SdApiReadinessCheck.class).isResolvable());
        assertFalse(Arc.container().select(SdMetricsEventNotifier.class).isResolvable());
    }
}

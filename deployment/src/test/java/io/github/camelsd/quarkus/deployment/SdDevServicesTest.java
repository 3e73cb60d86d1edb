package io.github.camelsd.quarkus.deployment;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.quarkus.SdApiReadinessCheck;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a configured base URL, test mode gets the emulator: its URL and a random key reach the sd component. */
class SdDevServicesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication();

    @Inject
    ProducerTemplate template;

    @Inject
    SdApiReadinessCheck readiness;

    @Test
    void theComponentIsPointedAtTheEmulator() {
        String baseUrl = ConfigProvider.getConfig().getValue(SdDevServicesProcessor.BASE_URL, String.class);
        String key = ConfigProvider.getConfig().getValue(SdDevServicesProcessor.API_KEY, String.class);
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertTrue(key.startsWith("sd-dev-") && key.length() > 30, "a random key");

        Exchange answer = template.send("sd:system-load", e -> {
        });
        assertNull(answer.getException());
        assertEquals("ok", answer.getMessage().getHeader(SdConstants.STATUS));
    }

    @Test
    void theReadinessCheckIsUp() {
        assertEquals(HealthCheck.State.UP, readiness.call().getState());
    }
}

package io.github.camelsd.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configured base URL means a real (or own) API: Dev Services then start nothing and set no key. */
class SdDevServicesSkippedTest {

    private static final String OWN_API = "http://127.0.0.1:9";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey(SdDevServicesProcessor.BASE_URL, OWN_API);

    @Test
    void theConfiguredBaseUrlStaysAndNoKeyIsInvented() {
        Config config = ConfigProvider.getConfig();
        assertEquals(OWN_API, config.getValue(SdDevServicesProcessor.BASE_URL, String.class));
        assertTrue(config.getOptionalValue(SdDevServicesProcessor.API_KEY, String.class).isEmpty());
    }
}

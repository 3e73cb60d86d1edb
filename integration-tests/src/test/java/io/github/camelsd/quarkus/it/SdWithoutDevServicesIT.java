package io.github.camelsd.quarkus.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application has its build-time config fixed (the launcher refuses a changed
 * {@code quarkus.camel.sd.devservices.enabled}), so Dev Services are kept off the run-time way: a configured base URL.
 */
@QuarkusIntegrationTest
@TestProfile(SdWithoutDevServicesIT.RealApiWithoutKey.class)
class SdWithoutDevServicesIT extends SdWithoutDevServicesTest {

    public static class RealApiWithoutKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.sd.base-url", "https://stablediffusionapi.com");
        }
    }
}

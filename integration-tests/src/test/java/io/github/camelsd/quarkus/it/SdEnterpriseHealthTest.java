package io.github.camelsd.quarkus.it;

import java.util.List;
import java.util.Map;

import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Against an enterprise dedicated server the readiness check calls system-details: the emulator serves as one here,
 * with a key that opens only the /api/v1/enterprise paths, so system-load could never report it up.
 */
@QuarkusTest
@TestProfile(SdEnterpriseHealthTest.EnterpriseServer.class)
class SdEnterpriseHealthTest {

    static final String ENTERPRISE_KEY = "sd-enterprise-health-key";
    /**
     * Chosen up front so that the profile's own overrides name it: what a test resource returns outlives its profile
     * (as system properties) and reached the next profile's application (SdWithoutDevServicesTest).
     */
    static final int PORT = freePort();

    public static class EnterpriseServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.sd.base-url", "http://127.0.0.1:" + PORT,
                    "camel.component.sd.api-key", ENTERPRISE_KEY,
                    "camel.component.sd.api-version", "enterprise");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedServer.class));
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The emulator as a dedicated server; its base URL being configured, Dev Services stay off. */
    public static class DedicatedServer implements QuarkusTestResourceLifecycleManager {
        private SdEmulator emulator;

        @Override
        public Map<String, String> start() {
            emulator = SdEmulator.builder().port(PORT).apiKey("sd-hosted-key-nobody-has").enterpriseKey(ENTERPRISE_KEY)
                    .build().start();
            return Map.of();
        }

        @Override
        public void stop() {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    @Test
    void readinessAsksTheDedicatedServer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'camel-sd-api' }.status", equalTo("UP"));
    }
}

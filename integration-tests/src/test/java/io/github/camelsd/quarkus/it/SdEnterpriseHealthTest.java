package io.github.camelsd.quarkus.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Against an enterprise dedicated server the readiness check calls system-details: the Dev Services emulator serves as
 * one here, and its key opens only the /api/v1/enterprise paths, so system-load could never report it up.
 */
@QuarkusTest
@TestProfile(SdEnterpriseHealthTest.EnterpriseServer.class)
class SdEnterpriseHealthTest {

    public static class EnterpriseServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.camel.sd.devservices.enterprise", "true",
                    "camel.component.sd.api-version", "enterprise");
        }
    }

    @Test
    void readinessAsksTheDedicatedServer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'camel-sd-api' }.status", equalTo("UP"));
    }
}

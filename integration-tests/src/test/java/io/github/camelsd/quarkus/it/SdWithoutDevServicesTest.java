package io.github.camelsd.quarkus.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Without Dev Services and without a key, the first call fails at once with a message naming the missing property,
 * instead of calling the public API or hanging; readiness reports the same.
 */
@QuarkusTest
@TestProfile(SdWithoutDevServicesTest.NoDevServices.class)
class SdWithoutDevServicesTest {

    public static class NoDevServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.camel.sd.devservices.enabled", "false");
        }
    }

    @Test
    void theFirstCallFailsClearlyAndFast() {
        given().contentType(ContentType.TEXT).body(Prompts.unique("a red fox"))
                .when().post("/sd/text2img")
                .then().statusCode(400)
                .time(lessThan(5_000L))
                .body("exception", equalTo("SdValidationException"))
                .body("message", containsString("camel.component.sd.api-key"));
    }

    @Test
    void readinessIsDown() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'camel-sd-api' }.status", equalTo("DOWN"));
    }
}

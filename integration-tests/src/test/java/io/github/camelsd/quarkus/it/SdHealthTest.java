package io.github.camelsd.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The readiness check {@code camel-sd-api}: up against the emulator, cached, and not part of liveness. */
@QuarkusTest
class SdHealthTest {

    private static final String CHECK = "checks.find { it.name == 'camel-sd-api' }";

    @Test
    void readinessReportsTheApiUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.'sd.checked.at'", notNullValue());
    }

    @Test
    void aSecondProbeWithinTheCachePeriodReusesTheAnswer() {
        String first = given().when().get("/q/health/ready")
                .then().statusCode(200).extract().path(CHECK + ".data.'sd.checked.at'");
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(CHECK + ".data.'sd.checked.at'", equalTo(first));
    }

    @Test
    void livenessDoesNotDependOnTheApi() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("camel-sd-api")));
    }
}

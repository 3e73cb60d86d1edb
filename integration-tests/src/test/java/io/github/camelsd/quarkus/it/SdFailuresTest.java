package io.github.camelsd.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Failures arrive as the component's typed exceptions. */
@QuarkusTest
class SdFailuresTest {

    @Test
    void aWrongKeyFailsWithSdInvalidKeyException() {
        given().contentType(ContentType.TEXT).body(Prompts.unique("a red fox"))
                .when().post("/sd/wrong-key/text2img")
                .then().statusCode(502)
                .body("exception", equalTo("SdInvalidKeyException"))
                .body("retryable", equalTo(false))
                .body("message", containsString("Invalid Api Key"))
                .body("message", not(containsString(SdRoutes.WRONG_KEY_VALUE)));
    }

    @Test
    void anInvalidRequestFailsWithSdValidationExceptionBeforeReachingTheApi() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"" + Prompts.unique("a red fox") + "\", \"width\": 513}")
                .when().post("/sd/text2img")
                .then().statusCode(400)
                .body("exception", equalTo("SdValidationException"))
                .body("httpStatus", equalTo(0))
                .body("message", containsString("width"));
    }
}

package io.github.camelsd.quarkus.it;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every sd operation through a route, against the emulator Dev Services start (jobs queue for 500 ms there). */
@QuarkusTest
class SdOperationsTest {

    @Test
    void text2imgAnswersImageUrlsThatServePngs() {
        List<String> images = text2img("a red fox in fresh snow");
        given().when().get(images.get(0))
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void yamlRouteGeneratesToo() {
        given().contentType(ContentType.TEXT).body(Prompts.unique("a lighthouse at dusk"))
                .when().post("/sd/yaml/text2img")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void img2imgTakesAnImageUrlAsInitImage() {
        String init = text2img("a sketch of a cat").get(0);
        given().contentType(ContentType.TEXT).body(Prompts.unique("the same cat in oil paint"))
                .queryParam("initImage", init)
                .when().post("/sd/img2img")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void inpaintTakesAnImageAndAMask() {
        String init = text2img("a living room").get(0);
        String mask = text2img("a white square on black").get(0);
        given().contentType(ContentType.TEXT).body(Prompts.unique("a green sofa"))
                .queryParam("initImage", init)
                .queryParam("maskImage", mask)
                .when().post("/sd/inpaint")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void aJobHandedOverIsFinishedBySdFetch() {
        String jobId = given().contentType(ContentType.TEXT).body(Prompts.unique("a harbour in fog"))
                .when().post("/sd/submit")
                .then().statusCode(200)
                .body("status", equalTo("processing"))
                .body("images", nullValue())
                .extract().path("jobId");
        given().when().post("/sd/fetch/" + jobId)
                .then().statusCode(200)
                .body("jobId", equalTo(jobId))
                .body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void aQueuedJobIsWaitedFor() {
        given().contentType(ContentType.TEXT).body(Prompts.unique("a slow mountain sunrise"))
                .when().post("/sd/text2img")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("polls", greaterThanOrEqualTo(1))
                .body("seed", notNullValue())
                .body("generationTime", notNullValue());
    }

    @Test
    void systemLoadAnswersOk() {
        given().when().get("/sd/system-load")
                .then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("queueNum", greaterThanOrEqualTo(0));
    }

    static List<String> text2img(String prompt) {
        return given().contentType(ContentType.TEXT).body(Prompts.unique(prompt))
                .when().post("/sd/text2img")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("jobId", notNullValue())
                .body("images", hasSize(1))
                .body("images[0]", startsWith("http://127.0.0.1:"))
                .extract().path("images");
    }
}

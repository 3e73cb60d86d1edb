package io.github.camelsd.quarkus.it;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The YAML examples of every operation family (examples/yaml), on Quarkus, against the Dev Services emulator. */
@QuarkusTest
class SdYamlExamplesTest {

    private static ValidatableResponse run(String family, Object body, Map<String, Object> headers) {
        return given().contentType(ContentType.JSON).body(Map.of("body", body, "headers", headers))
                .when().post("/sd/examples/" + family)
                .then().statusCode(200);
    }

    private static String image() {
        return run("generation", Prompts.unique("a face for the examples"), Map.of()).extract().path("images[0]");
    }

    @Test
    void generation() {
        run("generation", Prompts.unique("a red fox"), Map.of()).body("images", hasSize(2));
    }

    @Test
    void community() {
        run("community", Prompts.unique("a castle"), Map.of()).body("status", equalTo("success"));
    }

    @Test
    void controlnet() {
        run("controlnet", Prompts.unique("a sketched house"), Map.of("CamelSdInitImage", image()))
                .body("images", hasSize(1));
    }

    @Test
    void upscaling() {
        run("upscaling", image(), Map.of()).body("images", hasSize(1));
    }

    @Test
    void video() {
        run("video", Prompts.unique("waves"), Map.of()).body("mediaType", equalTo("video/mp4"))
                .body("bytes", greaterThan(0));
    }

    @Test
    void editing() {
        run("editing", image(), Map.of()).body("images", hasSize(1));
    }

    @Test
    void training() {
        String face = image();
        run("training", Map.of("images", List.of(face, face)), Map.of())
                .body("trainingStage", equalTo("model_ready")).body("body", notNullValue());
    }

    @Test
    void fetch() {
        run("fetch", Prompts.unique("a queued harbour"), Map.of()).body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void enterprise() {
        run("enterprise", Prompts.unique("a lighthouse on a dedicated server"), Map.of())
                .body("status", equalTo("success")).body("images", hasSize(1));
    }

    @Test
    void webhooks() {
        run("webhooks", Prompts.unique("a called-back gull"), Map.of()).body("polls", equalTo(0))
                .body("images", hasSize(1));
    }
}

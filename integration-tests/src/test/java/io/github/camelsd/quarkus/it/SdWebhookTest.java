package io.github.camelsd.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * sd:webhook on Quarkus: the emulator (Dev Services) calls back this application's own HTTP server through
 * platform-http, and jobs complete from those callbacks.
 */
@QuarkusTest
class SdWebhookTest {

    @Test
    void aWaitingJobCompletesFromItsCallbackWithoutAPoll() {
        given().contentType(ContentType.TEXT).body(Prompts.unique("a harbour called back"))
                .when().post("/sd/webhook/text2img")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images", hasSize(1))
                .body("polls", equalTo(0));
    }

    @Test
    void aHandedBackJobArrivesAtTheWebhookRoute() throws InterruptedException {
        String jobId = given().contentType(ContentType.TEXT).body(Prompts.unique("a lighthouse called back"))
                .when().post("/sd/webhook/submit")
                .then().statusCode(200).body("status", equalTo("processing"))
                .extract().path("jobId");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (given().when().get("/sd/webhook/received/" + jobId).statusCode() == 404
               && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().when().get("/sd/webhook/received/" + jobId)
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("images", hasSize(1));
    }

    @Test
    void aCallbackWithoutAValidTokenIsRefused() {
        given().contentType(ContentType.JSON).body("{\"status\":\"success\",\"id\":1,\"output\":[]}")
                .queryParam("token", "wAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")
                .when().post(SdRoutes.CALLBACK_PATH)
                .then().statusCode(403);
        given().when().get("/sd/webhook/received/1").then().statusCode(404);
    }
}

package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.examples.http.Images.assertPng;
import static io.github.camelsd.examples.http.Images.client;
import static io.github.camelsd.examples.http.Images.pollUntilDone;
import static io.github.camelsd.examples.http.Images.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service over HTTP against the Dev Services emulator, which keeps every job queued for a second: submit, poll,
 * download; the synchronous variant; invalid input. Every answer is searched for the API key Dev Services generated.
 */
@QuarkusTest
class HttpImagesTest {

    static final Duration DONE_WITHIN = Duration.ofSeconds(30);

    KeyNeverAnswered guard;

    @BeforeEach
    void guardAgainstTheKey() {
        guard = new KeyNeverAnswered(ConfigProvider.getConfig().getValue("camel.component.sd.api-key", String.class));
    }

    @AfterEach
    void someAnswersWereSearched() {
        assertTrue(guard.checked() > 0, "no answer was searched for the key");
    }

    @Test
    void aPromptIsAcceptedThenPolledThenDownloaded() {
        Response accepted = client(guard).contentType(ContentType.TEXT).body(unique("a red fox in the snow"))
                .when().post("/images");
        accepted.then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("processing"))
                .body("jobId", matchesPattern("[0-9A-Za-z_-]+"));
        String jobId = accepted.jsonPath().getString("jobId");
        String statusUrl = accepted.jsonPath().getString("statusUrl");
        assertEquals("/images/" + jobId, statusUrl);
        assertEquals(statusUrl, accepted.header("Location"));

        Response done = pollUntilDone(guard, statusUrl, DONE_WITHIN);
        done.then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("jobId", equalTo(jobId))
                .body("status", equalTo("success"))
                .body("images.size()", equalTo(1))
                .body("images[0].index", equalTo(0))
                .body("images[0].url", startsWith("http"))
                .body("images[0].download", equalTo("/images/" + jobId + "/0"));

        Response png = client(guard).when().get("/images/" + jobId + "/0");
        png.then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", containsString(jobId + "-0.png"));
        assertPng(png.asByteArray());
    }

    @Test
    void aJsonRequestIsTheWholeRequest() {
        String body = "{\"prompt\": \"" + unique("two cats on a sofa") + "\", \"width\": 256, \"height\": 256,"
                      + " \"samples\": 2}";
        Response accepted = client(guard).contentType(ContentType.JSON).body(body).when().post("/images");
        accepted.then().statusCode(202);
        String jobId = accepted.jsonPath().getString("jobId");

        Response done = pollUntilDone(guard, accepted.header("Location"), DONE_WITHIN);
        done.then().statusCode(200).body("images.size()", equalTo(2));
        List<String> downloads = done.jsonPath().getList("images.download");
        assertEquals(List.of("/images/" + jobId + "/0", "/images/" + jobId + "/1"), downloads);

        Response second = client(guard).when().get(downloads.get(1));
        second.then().statusCode(200).contentType("image/png");
        assertPng(second.asByteArray());
        client(guard).when().get("/images/" + jobId + "/2")
                .then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void whileQueuedTheJobAndItsImagesAnswer202() {
        Response accepted = client(guard).contentType(ContentType.TEXT).body(unique("a slow lighthouse"))
                .when().post("/images");
        accepted.then().statusCode(202);
        String jobId = accepted.jsonPath().getString("jobId");
        // the emulator keeps the job a second: both looks come well within it
        client(guard).when().get("/images/" + jobId)
                .then().statusCode(202).body("status", equalTo("processing")).body("jobId", equalTo(jobId));
        client(guard).when().get("/images/" + jobId + "/0")
                .then().statusCode(202).body("status", equalTo("processing"))
                .body("statusUrl", equalTo("/images/" + jobId));
    }

    @Test
    void theSynchronousVariantAnswersThePng() {
        Response png = client(guard).contentType(ContentType.TEXT).body(unique("a harbour at dawn"))
                .when().post("/images/sync");
        png.then().statusCode(200).contentType("image/png");
        assertPng(png.asByteArray());
        String download = png.header("Content-Location");
        assertNotNull(download);
        assertTrue(download.matches("/images/[0-9A-Za-z_-]+/0"), download);
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        String prompt = unique("a tower");
        // checked by the component before anything is sent (SdValidationException.getFieldErrors())
        client(guard).contentType(ContentType.JSON).body("{\"prompt\": \"" + prompt + "\", \"width\": 7}")
                .when().post("/images")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("fields", hasKey("width"))
                .body("fields.width[0]", containsString("multiple of 8"))
                .body("exception", equalTo("SdValidationException"));
        client(guard).contentType(ContentType.JSON).body(Map.of("prompt", prompt, "samples", 9))
                .when().post("/images/sync")
                .then().statusCode(400).body("fields", hasKey("samples"));
        client(guard).contentType(ContentType.TEXT).body("   ")
                .when().post("/images")
                .then().statusCode(400).body("fields", hasKey("prompt"));
        // checked by the service
        client(guard).contentType(ContentType.JSON).body("{\"prompt\": ")
                .when().post("/images")
                .then().statusCode(400).body("fields", hasKey("body"));
        client(guard).contentType(ContentType.JSON).body("[\"a list\"]")
                .when().post("/images")
                .then().statusCode(400).body("fields", hasKey("body"));
        client(guard).contentType(ContentType.JSON).body("{\"prompt\": \"" + prompt + "\", \"key\": \"mine\"}")
                .when().post("/images")
                .then().statusCode(400).body("fields", hasKey("key"));
        client(guard).contentType(ContentType.URLENC).body("prompt=a+tower")
                .when().post("/images")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type"));
        client(guard).when().get("/images/not$an%20id")
                .then().statusCode(400).body("fields", hasKey("id"));
        client(guard).when().get("/images/123/first")
                .then().statusCode(400).body("fields", hasKey("index"));
    }

    @Test
    void anUnknownJobIsA404() {
        client(guard).when().get("/images/987654321")
                .then().statusCode(404).body("error", equalTo("not_found"));
    }
}

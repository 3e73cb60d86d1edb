package io.github.camelsd.quarkus.it;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key Dev Services generated never reaches the application's log, with the component logging at TRACE (request
 * bodies included), after calls that succeed, wait, fail at the API, fail before sending, and a health probe.
 */
@QuarkusTest
class SdSecretScanTest {

    @Test
    void theDevServicesKeyIsNeverLogged() throws IOException {
        String key = ConfigProvider.getConfig().getValue("camel.component.sd.api-key", String.class);
        assertTrue(key.length() >= 32, "Dev Services should generate a long random key");

        String log;
        try (LogCapture capture = LogCapture.start()) {
            SdOperationsTest.text2img("secret scan: a quiet forest");
            given().contentType(ContentType.TEXT).body(Prompts.unique("secret scan: wrong key"))
                    .when().post("/sd/wrong-key/text2img").then().statusCode(502);
            given().contentType(ContentType.JSON).body("{\"prompt\": \"secret scan\", \"width\": 7}")
                    .when().post("/sd/text2img").then().statusCode(400);
            given().when().get("/sd/system-load").then().statusCode(200);
            given().when().get("/q/health/ready").then().statusCode(200);
            log = applicationLog(capture);
        }

        // the scan must have something to look at: the component's TRACE lines with the (masked) request bodies
        assertTrue(log.contains("sd:text2img POST"), "the log lacks the component's request lines");
        assertTrue(log.contains("\"key\":\"xxxxxx\""), "the log lacks the masked request bodies");
        assertFalse(log.contains(key), "the log contains the API key");
    }

    /** What the application logged during the calls: here, in this JVM. */
    String applicationLog(LogCapture capture) throws IOException {
        return capture.text();
    }
}

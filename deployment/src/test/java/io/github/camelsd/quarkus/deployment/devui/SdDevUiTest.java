package io.github.camelsd.quarkus.deployment.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.QuarkusDevModeTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Dev UI card in dev mode: its web components are served, and its JSON-RPC service, called over the Dev UI's own
 * WebSocket, reports the Dev Services emulator (never the key) and renders a prompt through the application's
 * CamelContext into an image.
 */
public class SdDevUiTest {

    /** Free now; dev mode binds it a moment later (another process taking it in between fails the start loudly). */
    private static final int PORT = freePort();
    /** The Dev UI's namespace of the extension: its runtime artifact. */
    private static final String NAMESPACE = "camel-quarkus-sd";
    /** JSON-RPC methods are named {@code <namespace>_<method>}. */
    private static final String METHODS = NAMESPACE + "_";

    @RegisterExtension
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"),
                    "application.properties"));

    /** One test: each test method would start dev mode anew (about 15 s each). */
    @Test
    void cardShowsTheEmulatorAndRendersAPrompt() throws Exception {
        for (String component : new String[] { "qwc-sd-card.js", "qwc-sd-text2img.js" }) {
            HttpResponse<String> response = get("/q/dev-ui/" + NAMESPACE + "/" + component);
            assertEquals(200, response.statusCode(), component);
            assertTrue(response.body().contains("customElements.define"), component);
        }

        try (DevUiJsonRpcClient devUi = new DevUiJsonRpcClient(PORT)) {
            JsonNode status = devUi.call(METHODS + "getStatus", Map.of(), Duration.ofSeconds(30));
            assertTrue(status.path("baseUrl").asText().startsWith("http://127.0.0.1:"), status.toString());
            assertEquals(0, status.get("jobsInFlight").asInt());
            assertFalse(status.toString().contains("sd-dev-"), "the Dev Services key is never shown: " + status);

            JsonNode image = devUi.call(METHODS + "text2img", Map.of("prompt", "a red fox in the snow"),
                    Duration.ofSeconds(60));
            String dataUrl = image.path("dataUrl").asText();
            String prefix = "data:image/png;base64,";
            assertTrue(dataUrl.startsWith(prefix), dataUrl.substring(0, Math.min(60, dataUrl.length())));
            byte[] png = Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
            assertEquals(512, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
            assertFalse(image.get("jobId").isNull(), image.toString());
            assertEquals(0, devUi.call(METHODS + "getStatus", Map.of(), Duration.ofSeconds(30))
                    .get("jobsInFlight").asInt(), "the rendered job is no longer in flight");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.camelsd.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.github.camelsd.devmode.QuarkusDevMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code quarkus dev} of a user's application, as a developer runs it: {@code ./mvnw quarkus:dev} as a child process
 * on a copy of this example (so the source tree is never touched) plus one route of the test's, with Dev Services'
 * emulator behind {@code sd:}. The route renders, the Dev UI has the camel-sd card, an edit of the route takes effect
 * on the next request (live reload), and the whole process tree is stopped at the end. {@link QuarkusDevMode} runs
 * it (nothing of this project installed; see there).
 */
@Tag("devmode") // run by failsafe only (pom.xml): it needs the extension's modules built
class HttpDevModeIT {

    private static final Duration START = Duration.ofMinutes(8);
    private static final Duration RELOAD = Duration.ofMinutes(3);
    private static final String ROUTE = "src/main/java/io/github/camelsd/examples/http/DevLoopRoutes.java";
    private static final String ROUTE_SOURCE = """
            package io.github.camelsd.examples.http;

            import org.apache.camel.builder.RouteBuilder;

            public class DevLoopRoutes extends RouteBuilder {

                @Override
                public void configure() {
                    from("platform-http:/dev-loop?httpMethodRestrict=POST").routeId("dev-loop")
                            .convertBodyTo(String.class)
                            .to("sd:text2img?outputFormat=bytes&width=512")
                            .setHeader("Content-Type", constant("image/png"))
                            .setHeader("X-Dev-Loop", constant("first"));
                }
            }
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private QuarkusDevMode devMode;

    @Test
    void rendersShowsTheCardAndReloadsAnEditedRoute() throws Exception {
        devMode = QuarkusDevMode.copyOf("examples/http").write(ROUTE, ROUTE_SOURCE);
        devMode.start("quarkus.console.enabled=false");

        HttpResponse<byte[]> first = devMode.await("the first render", START,
                () -> render(), response -> response.statusCode() == 200);
        assertEquals("first", first.headers().firstValue("X-Dev-Loop").orElse(null));
        assertEquals(512, widthOf(first.body()));

        String devUiMethods = http.send(get("/q/dev-ui/devui-jsonrpc-data.js"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(devUiMethods.contains("camel-quarkus-sd_text2img"), "the Dev UI has the camel-sd card's methods");

        devMode.edit(ROUTE, source -> source.replace("width=512", "width=768")
                .replace("constant(\"first\")", "constant(\"edited\")"));
        // the first request after the edit recompiles and restarts the application before it is answered
        HttpResponse<byte[]> edited = devMode.await("the edited route", RELOAD, () -> render(),
                response -> response.statusCode() == 200
                        && "edited".equals(response.headers().firstValue("X-Dev-Loop").orElse(null)));
        assertEquals(768, widthOf(edited.body()));
    }

    @AfterEach
    void stopDevMode() throws Exception {
        if (devMode != null) {
            devMode.close();
        }
    }

    private HttpResponse<byte[]> render() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + devMode.port() + "/dev-loop"))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString("a red fox in the snow", StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + devMode.port() + path))
                .timeout(Duration.ofSeconds(60)).build();
    }

    private static int widthOf(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
    }
}

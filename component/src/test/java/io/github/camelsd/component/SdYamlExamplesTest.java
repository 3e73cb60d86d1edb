package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.emulator.SdEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML DSL examples of every operation family ({@code examples/yaml}), loaded as they are by plain Camel Main, with
 * the component configured from properties as a user does, against the emulator over HTTP. Jobs queue for a moment,
 * so every generation waits.
 */
class SdYamlExamplesTest {

    private static final String KEY = "sk-yaml-examples";
    private static SdEmulator emulator;
    private static Main main;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        emulator = SdEmulator.builder().port(0).apiKey(KEY).spamFilterWindow(Duration.ZERO)
                .processingTime(Duration.ofMillis(300)).trainingTime(Duration.ofMillis(300)).build().start();
        main = new Main();
        main.configure().withRoutesIncludePattern("file:../examples/yaml/*.yaml");
        main.addInitialProperty("camel.component.sd.configuration.base-url", emulator.baseUrl());
        main.addInitialProperty("camel.component.sd.configuration.api-key", KEY);
        main.addInitialProperty("camel.component.sd.configuration.poll-interval", "200");
        main.addInitialProperty("camel.component.sd.configuration.min-poll-interval", "50");
        main.addInitialProperty("camel.component.sd.configuration.webhook-host", "127.0.0.1");
        // enterprise.yaml: the emulator is also a dedicated server, on the same address with its enterprise key
        main.addInitialProperty("sd.enterprise.base-url", emulator.baseUrl());
        main.addInitialProperty("sd.enterprise.api-key", SdEnterpriseTest.ENTERPRISE_KEY);
        main.addInitialProperty("sd.enterprise.model-id", SdEnterpriseTest.MODEL);
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    private static Exchange send(String family, Object body, Map<String, Object> headers) {
        Exchange exchange = template.send("direct:yaml-" + family, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
        assertNull(exchange.getException(), () -> family + " failed: " + exchange.getException());
        return exchange;
    }

    private static List<String> images(Exchange exchange) {
        return SdOperationsTest.outputs(exchange);
    }

    private static String image() {
        return images(send("generation", "a face for the examples", Map.of())).get(0);
    }

    @Test
    void everyFamilyHasAnExample() {
        assertEquals(List.of("yaml-community", "yaml-controlnet", "yaml-editing", "yaml-enterprise", "yaml-fetch",
                        "yaml-generation", "yaml-training", "yaml-upscaling", "yaml-video", "yaml-webhook-callbacks",
                        "yaml-webhooks"),
                main.getCamelContext().getRoutes().stream().map(r -> r.getRouteId()).sorted().toList());
    }

    @Test
    void generation() {
        assertEquals(2, images(send("generation", "a red fox", Map.of())).size());
    }

    @Test
    void community() {
        send("community", "a castle", Map.of());
        assertEquals("sdxl", lastBody("/api/v4/dreambooth").get("model_id"));
        assertEquals("more_details", lastBody("/api/v4/dreambooth").get("lora_model"));
    }

    @Test
    void controlnet() {
        assertEquals(1, images(send("controlnet", "a sketched house", Map.of(SdConstants.INIT_IMAGE, image()))).size());
    }

    @Test
    void upscaling() {
        assertEquals(1, images(send("upscaling", image(), Map.of())).size());
    }

    @Test
    void video() {
        Exchange video = send("video", "waves", Map.of());
        assertEquals("video/mp4", video.getMessage().getHeader(SdConstants.MEDIA_TYPE));
        assertTrue(video.getMessage().getBody(byte[].class).length > 0);
    }

    @Test
    void editing() {
        assertEquals(1, images(send("editing", image(), Map.of())).size());
    }

    @Test
    void training() {
        String face = image();
        Exchange trained = send("training", Map.of("images", List.of(face, face)), Map.of());
        assertEquals("model_ready", trained.getMessage().getHeader(SdConstants.TRAINING_STAGE));
        assertFalse(trained.getMessage().getBody(String.class).isBlank(), "the model id");
    }

    @Test
    void fetch() {
        Exchange fetched = send("fetch", "a queued harbour", Map.of());
        assertEquals("success", fetched.getMessage().getHeader(SdConstants.STATUS));
        assertEquals(1, images(fetched).size());
    }

    @Test
    void webhooks() {
        Exchange done = send("webhooks", "a called-back gull", Map.of());
        assertEquals(0, done.getMessage().getHeader(SdConstants.POLLS), "completed by its callback");
        assertEquals(1, images(done).size());
    }

    @Test
    void enterprise() {
        Exchange rendered = send("enterprise", "a lighthouse on a dedicated server", Map.of());
        assertEquals(1, images(rendered).size());
        Map<String, Object> details = lastBody("/api/v1/enterprise/system_details");
        assertEquals(SdEnterpriseTest.ENTERPRISE_KEY, details.get("key"), "the server's own key, not the component's");
        Map<String, Object> generation = lastBody("/api/v1/enterprise/text2img");
        assertEquals(SdEnterpriseTest.ENTERPRISE_KEY, generation.get("key"));
        assertEquals(SdEnterpriseTest.MODEL, generation.get("model_id"));
        assertEquals("a lighthouse on a dedicated server", generation.get("prompt"), "the prompt outlives the check");
    }

    private static Map<String, Object> lastBody(String path) {
        List<io.github.camelsd.emulator.RecordedRequest> matching = emulator.requests().stream()
                .filter(r -> r.path().equals(path)).toList();
        assertFalse(matching.isEmpty(), "no request to " + path);
        return matching.get(matching.size() - 1).body();
    }
}

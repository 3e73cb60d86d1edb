package io.github.camelsd.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation against the emulator over HTTP: what is sent, what comes back, and the option precedence. */
class SdOperationsTest extends SdEmulatorTestSupport {

    @Test
    void text2imgTakesAStringBodyAsThePrompt() throws Exception {
        Exchange exchange = send("sd:text2img?samples=2&width=768&height=512&seed=42", "a red fox in the snow");

        List<String> urls = outputs(exchange);
        assertEquals(2, urls.size());
        for (String url : urls) {
            byte[] png = download(url);
            assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(png, 4));
        }
        assertEquals("success", exchange.getMessage().getHeader(SdConstants.STATUS));
        assertNotNull(exchange.getMessage().getHeader(SdConstants.JOB_ID, String.class));
        assertEquals(42L, exchange.getMessage().getHeader(SdConstants.SEED));
        assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(SdConstants.NSFW));
        assertNotNull(exchange.getMessage().getHeader(SdConstants.GENERATION_TIME));
        assertEquals(768, ((Number) exchange.getMessage().getHeader(SdConstants.META, Map.class).get("W")).intValue());
        assertNotNull(exchange.getMessage().getHeader(SdConstants.RAW_RESPONSE, Map.class).get("output"));

        Map<String, Object> sent = lastRequest("/api/v3/text2img").body();
        assertEquals("a red fox in the snow", sent.get("prompt"));
        assertEquals(API_KEY, sent.get("key"));
        assertEquals(2, ((Number) sent.get("samples")).intValue());
        assertEquals(42, ((Number) sent.get("seed")).intValue());
    }

    @Test
    void oneImageIsStillAList() {
        assertEquals(1, outputs(send("sd:text2img", "a lighthouse")).size());
    }

    @Test
    void aMapBodyIsTheWholeRequestAndNumbersAsStringsAreSentInTheDocumentedForm() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("prompt", "a castle");
        body.put("width", "512");
        body.put("samples", "1");
        body.put("safety_checker", "no");
        body.put("enhance_prompt", true);
        body.put("seed", null);
        body.put("webhook", null);
        Exchange exchange = send("sd:text2img?seed=7", body);

        assertEquals(1, outputs(exchange).size());
        Map<String, Object> sent = lastRequest("/api/v3/text2img").body();
        assertEquals(512, ((Number) sent.get("width")).intValue(), "numbers go out as JSON numbers");
        assertEquals("no", sent.get("safety_checker"), "v3 flags go out as yes/no");
        assertEquals("yes", sent.get("enhance_prompt"));
        assertFalse(sent.containsKey("seed"), "an explicit null in the body unsets the endpoint option");
    }

    @Test
    void aJsonBodyAsStringOrBytesIsTheWholeRequest() {
        String json = "{\"prompt\":\"a harbour at dawn\",\"width\":\"640\",\"height\":512,\"samples\":\"1\"}";
        assertEquals(1, outputs(send("sd:text2img", json)).size());
        assertEquals(640, ((Number) lastRequest("/api/v3/text2img").body().get("width")).intValue());

        assertEquals(1, outputs(send("sd:text2img", json.getBytes())).size());
    }

    @Test
    void aTypedRequestIsTheWholeRequest() {
        SdImageRequest request = new SdImageRequest().prompt("a blue bird").width(256).height(256).samples(3)
                .field("tomesd", "yes");
        assertEquals(3, outputs(send("sd:text2img", request)).size());
        Map<String, Object> sent = lastRequest("/api/v3/text2img").body();
        assertEquals(256, ((Number) sent.get("width")).intValue());
        assertEquals("yes", sent.get("tomesd"));
        assertNull(sent.get("negative_prompt"), "unset typed fields are not sent");
    }

    @Test
    void headersOverrideTheBodyWhichOverridesEndpointOptionsWhichOverrideComponentOptions() {
        context.getComponent("sd", SdComponent.class).getConfiguration().setSamples(4);
        try {
            Exchange exchange = template.send("sd:text2img?width=256&height=256&negativePrompt=blurry", e -> {
                e.getMessage().setBody(Map.of("prompt", "from the body", "width", 320));
                e.getMessage().setHeader(SdConstants.PROMPT, "from the header");
            });
            assertNull(exchange.getException());
            Map<String, Object> sent = lastRequest("/api/v3/text2img").body();
            assertEquals("from the header", sent.get("prompt"), "header beats body");
            assertEquals(320, ((Number) sent.get("width")).intValue(), "body beats endpoint option");
            assertEquals(256, ((Number) sent.get("height")).intValue(), "endpoint option applies");
            assertEquals("blurry", sent.get("negative_prompt"));
            assertEquals(4, ((Number) sent.get("samples")).intValue(), "component option applies");
        } finally {
            context.getComponent("sd", SdComponent.class).getConfiguration().setSamples(null);
        }
    }

    @Test
    void img2imgAndInpaintSendTheirImages() {
        String image = outputs(send("sd:text2img?width=256&height=256&seed=1", "a bowl of fruit")).get(0);

        Exchange img2img = template.send("sd:img2img?strength=0.6", e -> {
            e.getMessage().setBody("the same bowl, in watercolour");
            e.getMessage().setHeader(SdConstants.INIT_IMAGE, image);
        });
        assertEquals(1, outputs(img2img).size());
        Map<String, Object> sent = lastRequest("/api/v3/img2img").body();
        assertEquals(image, sent.get("init_image"));
        assertEquals(0.6, ((Number) sent.get("strength")).doubleValue());

        Exchange inpaint = send("sd:inpaint", Map.of("prompt", "a pear instead", "init_image", image, "mask_image", image));
        assertEquals(1, outputs(inpaint).size());
        assertEquals(image, lastRequest("/api/v3/inpaint").body().get("mask_image"));
    }

    @Test
    void v6PathsAndBooleanFlags() {
        Exchange exchange = send("sd:text2img?apiVersion=v6&safetyChecker=false", "a quiet street");
        assertEquals(1, outputs(exchange).size());
        Map<String, Object> sent = lastRequest("/api/v6/realtime/text2img").body();
        assertEquals(Boolean.FALSE, sent.get("safety_checker"), "v6 flags go out as booleans");
    }

    @Test
    void systemLoadReportsTheQueue() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        Exchange queued = send("sd:text2img?waitForResult=false", "queued one");
        assertEquals("processing", queued.getMessage().getHeader(SdConstants.STATUS));

        Exchange load = send("sd:system-load", null);
        assertNull(load.getException());
        assertEquals(1, load.getMessage().getHeader(SdConstants.QUEUE_NUM));
        assertEquals("ok", load.getMessage().getHeader(SdConstants.STATUS));
        assertTrue(load.getMessage().getBody(Map.class).containsKey("queue_time"));
    }

    @Test
    void aProcessingJobIsAwaitedAndItsResultReturned() {
        emulator.setProcessingTime(Duration.ofMillis(600));
        long sent = System.currentTimeMillis();
        Exchange exchange = send("sd:text2img?samples=2", "a slow painting");
        long ended = System.currentTimeMillis();

        assertEquals(2, outputs(exchange).size());
        assertEquals("success", exchange.getMessage().getHeader(SdConstants.STATUS));
        int polls = exchange.getMessage().getHeader(SdConstants.POLLS, Integer.class);
        assertTrue(polls >= 1 && polls <= 5, "re-checks follow the eta, not a busy loop: " + polls);
        assertEquals(exchange.getMessage().getHeader(SdConstants.FUTURE_LINKS), outputs(exchange),
                "the future links announced while processing are the final outputs");
        long accepted = exchange.getMessage().getHeader(SdConstants.ACCEPTED_AT, Long.class);
        // the emulator's 600 ms start when it takes the submit, a moment before its answer is read
        assertTrue(accepted >= sent && ended - accepted >= 500,
                "accepted at the submit's answer, before the 600 ms of processing: sent " + sent + ", accepted "
                                                             + accepted + ", ended " + ended);
    }

    @Test
    void waitForResultFalseHandsBackTheJobIdAndFetchContinues() {
        emulator.setProcessingTime(Duration.ofMillis(400));
        Exchange queued = send("sd:text2img?waitForResult=false", "a queued harbour");
        assertNull(queued.getException());
        String jobId = queued.getMessage().getHeader(SdConstants.JOB_ID, String.class);
        assertEquals(jobId, queued.getMessage().getBody(String.class));
        assertEquals("processing", queued.getMessage().getHeader(SdConstants.STATUS));
        assertNotNull(queued.getMessage().getHeader(SdConstants.ETA));
        assertTrue(queued.getMessage().getHeader(SdConstants.FETCH_URL, String.class).endsWith("/fetch/" + jobId));

        Exchange fetchedByBody = send("sd:fetch", jobId);
        assertNull(fetchedByBody.getException());
        assertEquals(1, outputs(fetchedByBody).size());

        Exchange fetchedByHeader = template.send("sd:fetch", e -> e.getMessage().setHeader(SdConstants.JOB_ID, jobId));
        assertEquals(outputs(fetchedByBody), outputs(fetchedByHeader));
    }

    @Test
    void fetchWithoutWaitingReportsProcessing() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        String jobId = send("sd:text2img?waitForResult=false", "a long job").getMessage().getBody(String.class);
        Exchange fetched = send("sd:fetch?waitForResult=false", jobId);
        assertNull(fetched.getException());
        assertEquals("processing", fetched.getMessage().getHeader(SdConstants.STATUS));
        assertEquals(jobId, fetched.getMessage().getBody());
    }

    @Test
    void aFetchPathWithoutIdSendsItInTheBodyAsEnterpriseServersExpect() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        String jobId = send("sd:text2img?waitForResult=false", "enterprise style").getMessage().getBody(String.class);
        send("sd:fetch?waitForResult=false&path=/api/v1/enterprise/fetch", jobId);
        RecordedRequest request = lastRequest("/api/v1/enterprise/fetch");
        assertEquals(jobId, String.valueOf(request.body().get("request_id")));
    }

    @Test
    void theGeneratedUriFactoryBuildsEndpointUris() throws Exception {
        SdEndpointUriFactory factory = new SdEndpointUriFactory();
        factory.setCamelContext(context);
        String built = factory.buildUri("sd", Map.of("operation", "text2img", "samples", 2, "modelId", "sdxl"));
        assertEquals("sd:text2img?modelId=sdxl&samples=2", built);
    }

    @SuppressWarnings("unchecked")
    /** The output links of a result (outputFormat=urls). */
    static List<String> outputs(Exchange exchange) {
        assertNull(exchange.getException(), () -> "unexpected failure: " + exchange.getException());
        List<?> images = exchange.getMessage().getBody(List.class);
        return images.stream().map(image -> ((SdImage) image).getOutput()).toList();
    }

    static RecordedRequest lastRequest(String path) {
        List<RecordedRequest> matching = emulator.requests().stream().filter(r -> r.path().startsWith(path)).toList();
        assertFalse(matching.isEmpty(), "no request to " + path + " among " + emulator.requests());
        return matching.get(matching.size() - 1);
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}

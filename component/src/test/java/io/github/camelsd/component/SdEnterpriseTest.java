package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelsd.component.error.SdModelNotFoundException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import io.github.camelsd.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.component.SdOperationsTest.download;
import static io.github.camelsd.component.SdOperationsTest.lastRequest;
import static io.github.camelsd.component.SdOperationsTest.outputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * apiVersion=enterprise against the emulator's dedicated server, over HTTP: the generations on
 * {@code /api/v1/enterprise/...} with model_id required, the fetch with request_id in the body, loadbalancer, every
 * server operation, load-model waited for until verify-model finds the model, and the server's own operations refused
 * on v3 and v6.
 */
class SdEnterpriseTest extends SdEmulatorTestSupport {

    /** The emulator's default enterprise key and the model its dedicated server starts with. */
    static final String ENTERPRISE_KEY = "emulator-enterprise-key";
    static final String MODEL = "runwayml/stable-diffusion-v1-5";
    private static final String E = "/api/v1/enterprise/";
    private static final String LOAD = "sd:load-model?url=https://huggingface.co/wavymulder/Analog-Diffusion"
                                       + "&modelType=huggingface&fromSafetensors=false";
    /** Every operation of the server only, with what it needs to be sent at all. */
    private static final List<String> SERVER_ONLY = List.of("system-details", "restart-server", "update-server",
            "clear-cache", "clear-queue", "schedulers-list", "load-vae?vaeId=v&vaeUrl=a/b", "verify-model?modelId=m",
            "get-all-models", "delete-model?modelId=m", "sync-models?syncKey=k", "upload-image");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SdConfiguration config = context.getComponent("sd", SdComponent.class).getConfiguration();
        config.setApiVersion(SdApiVersion.enterprise);
        config.setApiKey(ENTERPRISE_KEY);
        return context;
    }

    @AfterEach
    void serverDefaults() {
        emulator.setModelLoadTime(Duration.ZERO);
        emulator.setRestartDowntime(Duration.ofSeconds(1));
    }

    private String image() {
        return outputs(send("sd:text2img?width=64&height=64&modelId=" + MODEL, "an input")).get(0);
    }

    private static Map<String, Object> body(String path) {
        return lastRequest(path).body();
    }

    @Test
    void generationsGoToTheEnterprisePathsWithTheCommunityBodies() {
        assertEquals(2, outputs(send("sd:text2img?samples=2&loadbalancer=true&modelId=" + MODEL, "a lighthouse"))
                .size());
        Map<String, Object> sent = body(E + "text2img");
        assertEquals(MODEL, sent.get("model_id"));
        assertEquals("yes", sent.get("loadbalancer"), "a flag as the enterprise pages write it");
        assertEquals(ENTERPRISE_KEY, sent.get("key"));
        Exchange balancedByHeader = template.send("sd:text2img?modelId=" + MODEL, e -> {
            e.getMessage().setBody("no balancing");
            e.getMessage().setHeader(SdConstants.LOADBALANCER, false);
        });
        assertEquals(1, outputs(balancedByHeader).size());
        assertEquals("no", body(E + "text2img").get("loadbalancer"));

        String image = image();
        assertEquals(1, outputs(send("sd:img2img?strength=0.7&modelId=" + MODEL, Map.of("prompt", "a cat",
                "init_image", image))).size());
        assertEquals(1, outputs(send("sd:inpaint?modelId=" + MODEL, Map.of("prompt", "a cat", "init_image", image,
                "mask_image", image))).size());
        assertEquals(1, outputs(send("sd:controlnet?controlnetModel=canny&controlnetType=canny&modelId=" + MODEL,
                Map.of("init_image", image))).size());
        assertEquals(MODEL, body(E + "controlnet").get("model_id"));
        List<String> video = outputs(send("sd:text2video?modelId=" + MODEL, "waves"));
        assertTrue(video.get(0).endsWith(".mp4"), video.toString());

        // super resolution: V3's body (url), no model required (model_id is the upscaler), one URL string answered
        assertEquals(1, outputs(send("sd:super-resolution?scale=2", image)).size());
        Map<String, Object> upscale = body(E + "super_resolution");
        assertEquals(image, upscale.get("url"));
        assertFalse(upscale.containsKey("init_image"));
        assertFalse(upscale.containsKey("model_id"));
        assertEquals(1, outputs(send("sd:super-resolution?modelId=RealESRGAN_x2plus", image)).size());

        for (String path : List.of("text2img", "img2img", "inpaint", "controlnet", "text2video", "super_resolution")) {
            assertTrue(emulator.requestCount(E + path) >= 1, path);
        }
        assertEquals(0, emulator.requestCount("/api/v3/"), "nothing went to the hosted paths");
        assertEquals(0, emulator.requestCount("/api/v4/"));
    }

    @Test
    void aGenerationWithoutModelIdIsRejectedBeforeSending() {
        Map<String, String> image = Map.of("init_image", "https://example.com/a.png", "mask_image",
                "https://example.com/m.png", "prompt", "a cat");
        for (String operation : List.of("text2img", "img2img", "inpaint", "controlnet", "text2video")) {
            SdValidationException rejected = failure(send("sd:" + operation, image), SdValidationException.class);
            assertTrue(rejected.getFieldErrors().containsKey("model_id"), rejected.getMessage());
            assertTrue(rejected.getMessage().contains(E + operation), rejected.getMessage());
            assertFalse(rejected.isSent());
        }
        assertEquals(0, emulator.requestCount(), "nothing was sent");
    }

    @Test
    void aQueuedJobIsFetchedWithRequestIdInTheBody() {
        emulator.setProcessingTime(Duration.ofMillis(300));
        Exchange waited = send("sd:text2img?modelId=" + MODEL, "a slow one");
        assertEquals(1, outputs(waited).size());
        String id = waited.getMessage().getHeader(SdConstants.JOB_ID, String.class);
        RecordedRequest fetch = lastRequest(E + "fetch");
        assertEquals(E + "fetch", fetch.path(), "request_id in the body, not the id in the path");
        assertEquals(id, String.valueOf(fetch.body().get("request_id")));
        assertEquals(ENTERPRISE_KEY, fetch.body().get("key"));

        emulator.setProcessingTime(Duration.ofSeconds(30));
        Exchange handedBack = send("sd:text2img?waitForResult=false&modelId=" + MODEL, "later");
        String queued = handedBack.getMessage().getBody(String.class);
        assertEquals(E + "fetch", handedBack.getMessage().getHeader(SdConstants.FETCH_PATH));
        // without the header its result left: sd:fetch on enterprise reads the server's fetch
        Exchange stillQueued = send("sd:fetch?waitForResult=false", queued);
        assertNull(stillQueued.getException(), () -> "failed: " + stillQueued.getException());
        assertEquals("processing", stillQueued.getMessage().getHeader(SdConstants.STATUS));
        assertEquals(queued, String.valueOf(body(E + "fetch").get("request_id")));
        emulator.completeQueuedJobs();
        assertEquals(1, outputs(send("sd:fetch", queued)).size());
    }

    @Test
    void anUnloadedModelIsModelNotFound() {
        failure(send("sd:text2img?modelId=not-on-the-server", "a"), SdModelNotFoundException.class);
        failure(send("sd:verify-model?modelId=not-on-the-server", null), SdModelNotFoundException.class);
        failure(send("sd:delete-model?modelId=not-on-the-server", null), SdModelNotFoundException.class);
        assertEquals(3, emulator.requestCount(E), "the server said so: it was sent");
    }

    @Test
    void loadModelIsWaitedForUntilVerifyModelFindsItThenGenerates() {
        emulator.setModelLoadTime(Duration.ofMillis(700));
        long start = System.nanoTime();
        Exchange loaded = send(LOAD + "&modelId=analog-diffusion", null);
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertNull(loaded.getException(), () -> "failed: " + loaded.getException());
        assertEquals(Map.of("status", "success", "message", "Model exists on server"), loaded.getMessage().getBody());
        assertTrue(took >= 600, "waited for the load: " + took + " ms");
        int checks = loaded.getMessage().getHeader(SdConstants.POLLS, Integer.class);
        assertTrue(checks >= 2, "verify-model answered Model id not found first: " + checks + " checks");
        assertEquals(checks, emulator.requestCount(E + "verify_model"));
        Map<String, Object> load = body(E + "load_model");
        assertEquals("no", load.get("from_safetensors"));
        assertEquals("huggingface", load.get("model_type"));
        assertEquals("analog-diffusion", body(E + "verify_model").get("model_id"));
        assertTrue(emulator.enterpriseModels().contains("analog-diffusion"));
        assertEquals(1, outputs(send("sd:text2img?modelId=analog-diffusion", "an analog photo")).size());

        // waitForResult=false: the answer at once, and the model is not there yet
        Exchange started = send(LOAD + "&modelId=later&waitForResult=false", null);
        assertEquals("model load started", ((Map<?, ?>) started.getMessage().getBody()).get("message"));
        assertEquals(checks, emulator.requestCount(E + "verify_model"), "not verified");
        failure(send("sd:text2img?modelId=later", "too early"), SdModelNotFoundException.class);

        // maxWait bounds the wait
        emulator.setModelLoadTime(Duration.ofSeconds(30));
        SdWaitTimeoutException timeout = failure(send(LOAD + "&modelId=slow&maxWait=400", null),
                SdWaitTimeoutException.class);
        assertTrue(timeout.getMessage().contains("sd:verify-model"), timeout.getMessage());
    }

    @Test
    void loadModelRequiresTheEnterpriseFieldsOnEnterpriseAndTheV3OnesOnV3() {
        SdValidationException enterprise = failure(send("sd:load-model?modelId=m", null), SdValidationException.class);
        assertEquals(List.of("url", "model_type"), List.copyOf(enterprise.getFieldErrors().keySet()),
                enterprise.getMessage());
        SdValidationException badType = failure(send(LOAD.replace("huggingface", "checkpoint") + "&modelId=m", null),
                SdValidationException.class);
        assertTrue(badType.getFieldErrors().containsKey("model_type"), badType.getMessage());
        SdValidationException v3 = failure(send("sd:load-model?apiVersion=v3&url=https://huggingface.co/a/b"
                                                + "&modelId=m&modelType=huggingface", null), SdValidationException.class);
        assertTrue(v3.getFieldErrors().keySet().containsAll(List.of("model_format", "model_category",
                "model_visibility", "model_name")), v3.getMessage());
        assertEquals(0, emulator.requestCount());
    }

    @Test
    void everyServerOperationAnswersAsDocumented() throws Exception {
        Exchange details = send("sd:system-details", null);
        Map<?, ?> server = assertInstanceOf(Map.class, details.getMessage().getBody());
        assertEquals(Set.of("model_count", "queue_time", "status"), server.keySet());
        assertEquals(1, server.get("model_count"));
        assertEquals("ok", server.get("status"));
        assertEquals(0.0, details.getMessage().getHeader(SdConstants.QUEUE_TIME));
        assertEquals("Cache cleared successfully", answer("sd:clear-cache").get("message"));
        assertEquals("Queue cleared, server is restarting", answer("sd:clear-queue").get("message"));
        List<?> schedulers = (List<?>) answer("sd:schedulers-list").get("schedulers");
        assertTrue(schedulers.contains("UniPCMultistepScheduler"), schedulers.toString());
        assertEquals(List.of(Map.of("model_id", MODEL)), ((List<?>) answer("sd:get-all-models").get("models")).stream()
                .map(model -> Map.of("model_id", ((Map<?, ?>) model).get("model_id"))).toList());

        assertEquals("VAE load started", answer("sd:load-vae?vaeId=anime&vaeUrl=bullhug/kl-f8-anime2&vaeType=diffusers")
                .get("message"));
        assertEquals(Map.of("key", ENTERPRISE_KEY, "vae_id", "anime", "vae_url", "bullhug/kl-f8-anime2", "vae_type",
                "diffusers"), body(E + "load_vae"));
        assertEquals("Model exists on server", answer("sd:verify-model?modelId=" + MODEL).get("message"));
        assertEquals("1 Models synced successfully", answer("sd:sync-models?syncKey=" + ENTERPRISE_KEY).get("message"));
        assertEquals(ENTERPRISE_KEY, body(E + "sync_models").get("sync_key"));
        assertFalse(SdJson.masked(body(E + "sync_models")).contains(ENTERPRISE_KEY), "sync_key is masked in logs");

        send(LOAD + "&modelId=to-delete", null);
        assertEquals("Model deleted on server", answer("sd:delete-model?modelId=to-delete").get("message"));
        assertFalse(emulator.enterpriseModels().contains("to-delete"));

        String image = image();
        byte[] png = download(image);
        Exchange uploaded = send("sd:upload-image", png);
        assertNull(uploaded.getException(), () -> "failed: " + uploaded.getException());
        assertEquals("png", body(E + "upload_image").get("image_type"));
        assertArrayEquals(png, download(uploaded.getMessage().getBody(String.class)), "the hosted URL is the body");
        Exchange nsfw = send("sd:nsfw-image-check", Map.of("init_image", image));
        assertEquals(Boolean.FALSE, nsfw.getMessage().getHeader(SdConstants.NSFW));
        assertEquals(1, emulator.requestCount(E + "nsfw_image_check"));

        // staging=api-hosted uploads through the server's own upload_image: its key is no hosted account's
        Exchange staged = template.send("sd:img2img?staging=api-hosted&modelId=" + MODEL, e -> {
            e.getMessage().setBody(png);
            e.getMessage().setHeader(SdConstants.PROMPT, "a cat");
        });
        assertEquals(1, outputs(staged).size());
        assertEquals(2, emulator.requestCount(E + "upload_image"));
        assertEquals(0, emulator.requestCount("/api/v3/base64_crop"));

        emulator.setRestartDowntime(Duration.ofMillis(200));
        for (String restart : List.of("restart-server", "update-server")) {
            Map<?, ?> answer = answer("sd:" + restart);
            assertEquals(restart.equals("restart-server") ? "server restarting" : "server updating",
                    answer.get("message"), restart);
            awaitRestarted();
        }
        for (String name : List.of("system_details", "clear_cache", "clear_queue", "schedulers_list", "get_all_models",
                "load_vae", "verify_model", "sync_models", "load_model", "delete_model", "upload_image",
                "nsfw_image_check", "restart_server", "update_server")) {
            assertTrue(emulator.requestCount(E + name) >= 1, name);
        }
    }

    @Test
    void theServersOwnOperationsAreRefusedOnV3AndV6NamingApiVersion() {
        for (String version : List.of("v3", "v6")) {
            for (String operation : SERVER_ONLY) {
                String uri = "sd:" + operation + (operation.contains("?") ? "&" : "?") + "apiVersion=" + version;
                SdValidationException rejected = failure(send(uri, new byte[] { 1 }), SdValidationException.class);
                assertTrue(rejected.getFieldErrors().containsKey("apiVersion"), uri + ": " + rejected.getMessage());
                assertTrue(rejected.getMessage().contains("apiVersion must be enterprise"), rejected.getMessage());
                assertFalse(rejected.isSent());
            }
        }
        assertEquals(0, emulator.requestCount(), "nothing was sent");
    }

    @Test
    void operationsWithoutAnEnterprisePathKeepTheirV3Path() {
        Exchange list = send("sd:model-list?apiKey=" + API_KEY, null);
        assertNull(list.getException(), () -> "failed: " + list.getException());
        assertInstanceOf(List.class, list.getMessage().getBody());
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth/model_list"));
    }

    /** What docs/enterprise.md says: the newer product servers' paths through path and fetchPath. */
    @Test
    void theProductServersAreReachedWithPathAndFetchPath() {
        emulator.setProcessingTime(Duration.ofMillis(100));
        String realtime = "sd:text2img?apiVersion=v6&path=" + E + "realtime/text2img&fetchPath=" + E
                          + "realtime/fetch/{id}";
        Exchange fast = send(realtime, "a fast one");
        assertEquals(1, outputs(fast).size());
        String id = fast.getMessage().getHeader(SdConstants.JOB_ID, String.class);
        assertTrue(emulator.requestCount(E + "realtime/fetch/" + id) >= 1, "fetched by path id");
        assertFalse(body(E + "realtime/text2img").containsKey("model_id"), "the realtime server needs no model");

        String video = "sd:text2video?apiVersion=v6&modelId=cogvideox&numFrames=4&path=" + E
                       + "video/text2video&fetchPath=" + E + "video/fetch/{id}";
        assertTrue(outputs(send(video, "a space station")).get(0).endsWith(".gif"));
        assertTrue(emulator.requestCount(E + "video/fetch/") >= 1);

        assertEquals(1, outputs(send("sd:text2img?modelId=" + MODEL + "&path=" + E + "images/text2img&fetchPath=" + E
                                     + "images/fetch", "the Python SDK's path")).size());
        assertTrue(emulator.requestCount(E + "images/fetch") >= 1);

        Exchange details = send("sd:system-details?path=" + E + "realtime/system_details", null);
        assertEquals("ok", ((Map<?, ?>) details.getMessage().getBody()).get("status"));
        assertEquals(1, emulator.requestCount(E + "realtime/system_details"));
    }

    /** Waits for the listener to close after a restart's answer, then to open again. */
    static void awaitRestarted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emulator.isAvailable() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(emulator.awaitAvailable(Duration.ofSeconds(10)), "the server is back");
    }

    private Map<?, ?> answer(String uri) {
        Exchange exchange = send(uri, null);
        assertNull(exchange.getException(), () -> uri + " failed: " + exchange.getException());
        return assertInstanceOf(Map.class, exchange.getMessage().getBody());
    }
}

package io.github.camelsd.emulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The enterprise dedicated server: {@code /api/v1/enterprise/...} with its own key, generation on the models loaded
 * there, fetch by {@code request_id}, the server operations, and the product servers' paths (realtime, video, super
 * resolution); restart and update really close the listener for a while.
 */
class EnterpriseTest extends EmulatorTestSupport {

    static final String KEY = "enterprise-test-key";
    static final String OTHER_SERVER_KEY = "second-server-key";
    static final String E = "/api/v1/enterprise/";
    static final String MODEL = "hf-model";
    static final Map<String, Object> MODEL_ID_NOT_FOUND = Map.of("status", "error", "message", "Model id not found");

    String image;

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.enterpriseKey(KEY).enterpriseKey(OTHER_SERVER_KEY).enterpriseModels(Set.of(MODEL));
    }

    /** An input image the emulator serves (after the reset that forgets the images). */
    @BeforeEach
    void generateInput() {
        image = api.post("/api/v3/text2img", body("prompt", "an input", "width", 64, "height", 64)).list("output")
                .get(0);
    }

    /** A body with the enterprise key and these fields, in order. */
    static Map<String, Object> enterprise(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    ApiClient.Reply post(String operation, Object... pairs) {
        return api.post(E + operation, enterprise(pairs));
    }

    @Test
    void everyGenerationPathTakesTheCommunityBodyOnALoadedModel() {
        ApiClient.Reply text = post("text2img", "model_id", MODEL, "prompt", "a lighthouse", "width", "512",
                "height", "512", "samples", "2", "num_inference_steps", "31", "safety_checker", "yes",
                "enhance_prompt", "yes", "guidance_scale", 7.5, "seed", null, "scheduler", "UniPCMultistepScheduler",
                "tomesd", "yes", "use_karras_sigmas", "yes", "lora_model", null, "loadbalancer", "yes",
                "webhook", null, "track_id", null);
        assertEquals(200, text.status(), text.text());
        assertEquals("success", text.json().get("status"), text.text());
        assertEquals(2, text.list("output").size());
        assertEquals(MODEL, text.map("meta").get("model"));
        assertEquals("yes", text.map("meta").get("loadbalancer"), "loadbalancer is taken and echoed");
        assertEquals(200, api.get(text.list("output").get(1)).status());
        assertEquals(Map.of("loadbalancer", List.of("The loadbalancer field must be true or false.")),
                post("text2img", "model_id", MODEL, "prompt", "a", "loadbalancer", "maybe").map("message"));

        for (String prefix : List.of(E, E + "images/")) { // the 2023 pages' paths and the Python SDK's
            assertSuccess(api.post(prefix + "text2img", enterprise("model_id", MODEL, "prompt", "p " + prefix)));
            assertSuccess(api.post(prefix + "img2img", enterprise("model_id", MODEL, "prompt", "a cat",
                    "init_image", image, "strength", 0.7, "loadbalancer", "no")));
            assertSuccess(api.post(prefix + "inpaint", enterprise("model_id", MODEL, "prompt", "a cat",
                    "init_image", image, "mask_image", image, "steps", "30")));
            assertSuccess(api.post(prefix + "controlnet", enterprise("model_id", MODEL, "controlnet_model",
                    "canny", "controlnet_type", "canny", "init_image", image, "auto_hint", "yes",
                    "guess_mode", "yes")));
        }
        ApiClient.Reply video = post("text2video", "model_id", MODEL, "prompt", "waves");
        assertSuccess(video);
        assertTrue(video.list("output").get(0).endsWith(".mp4"), video.text());

        ApiClient.Reply upscaled = post("super_resolution", "url", image, "scale", 3, "webhook", null,
                "face_enhance", true);
        assertSuccess(upscaled);
        assertInstanceOf(String.class, upscaled.json().get("output"), "as the page shows: one URL string");
        assertEquals("realesr-general-x4v3", upscaled.map("meta").get("model_id"));

        // the product servers: realtime (no model), video (its models), super resolution (both spellings)
        assertSuccess(post("realtime/text2img", "prompt", "fast", "instant_response", false));
        assertSuccess(post("realtime/img2img", "prompt", "fast", "init_image", image));
        assertSuccess(post("realtime/inpaint", "prompt", "fast", "init_image", image, "mask_image", image));
        ApiClient.Reply gif = post("video/text2video", "model_id", "cogvideox", "prompt", "space station",
                "num_frames", 4);
        assertSuccess(gif);
        assertTrue(gif.list("output").get(0).endsWith(".gif"), gif.text());
        for (String upscaler : List.of("super_resolution/", "super-resolution/")) {
            ApiClient.Reply made = post(upscaler + "make", "init_image", image, "scale", 2, "face_enhance", false);
            assertSuccess(made);
            assertEquals(1, made.list("output").size(), "the product server answers a list");
            assertEquals(3, post(upscaler + "make", "init_image", image).map("meta").get("scale"),
                    "v6's default scale");
        }
    }

    @Test
    void aMissingOrUnloadedModelIsModelIdNotFound() {
        for (String path : List.of("text2img", "img2img", "inpaint", "controlnet", "text2video",
                "images/text2img")) {
            ApiClient.Reply missing = post(path, "prompt", "a", "init_image", image, "mask_image", image);
            assertEquals(200, missing.status());
            assertEquals(MODEL_ID_NOT_FOUND, missing.json(), path);
            assertEquals(MODEL_ID_NOT_FOUND, post(path, "model_id", "midjourney", "prompt", "a", "init_image",
                    image, "mask_image", image).json(), path + ": a hosted model is not on the server");
        }
        assertEquals(Map.of("prompt", List.of("The prompt field is required.")),
                post("text2img", "model_id", MODEL).map("message"), "the community field map");
    }

    @Test
    void eachSideTakesOnlyItsOwnKeys() {
        List<String> enterprisePaths = List.of("text2img", "fetch", "system_details", "restart_server", "load_model",
                "get_all_models", "realtime/text2img", "video/fetch/1", "super_resolution/clear_queue");
        for (String path : enterprisePaths) {
            for (Object key : new Object[] { ApiClient.KEY, "made-up", null }) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("key", key);
                body.put("model_id", MODEL);
                body.put("prompt", "a");
                ApiClient.Reply reply = api.post(E + path, body);
                assertEquals(401, reply.status(), path + " with " + key);
                assertEquals("Invalid Api Key", reply.json().get("message"));
                assertEquals("error", reply.json().get("status"));
            }
        }
        assertTrue(emulator.isAvailable(), "a refused restart_server restarts nothing");
        ApiClient.Reply hosted = api.post("/api/v3/text2img", enterprise("prompt", "a"));
        assertEquals(200, hosted.status(), "V3 answers a bad key with 200");
        assertEquals("Invalid Api Key", hosted.json().get("message"), "an enterprise key is no account key");
        assertEquals("Invalid Api Key", api.post("/api/v6/images/text2img", enterprise("model_id", "sdxl",
                "prompt", "a")).json().get("message"));
        assertSuccess(post("text2img", "model_id", MODEL, "prompt", "a"));
        assertSuccess(api.post(E + "text2img", Map.of("key", OTHER_SERVER_KEY, "model_id", MODEL, "prompt", "b")));
        assertEquals(enterprisePaths.size() * 3 + 2, emulator.requestCount(E), "every call is recorded, refused too");
    }

    @Test
    void modelsAreLoadedAfterTheLoadTimeThenVerifiedListedUsedAndDeleted() throws InterruptedException {
        assertEquals(List.of(MODEL), emulator.enterpriseModels(), "the configured model is loaded at start");
        emulator.setModelLoadTime(Duration.ofMillis(400));
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            ApiClient.Reply load = post("load_model", "url", "wavymulder/Analog-Diffusion", "model_id",
                    "analog-diffusion", "model_type", "huggingface", "from_safetensors", "no", "webhook", hooks.url(),
                    "revision", "fp32", "upcast_attention", "no");
            assertEquals(Map.of("status", "success", "message", "model load started"), load.json());

            assertEquals(MODEL_ID_NOT_FOUND, post("verify_model", "model_id", "analog-diffusion").json(),
                    "still loading");
            assertEquals(MODEL_ID_NOT_FOUND, post("text2img", "model_id", "analog-diffusion", "prompt", "a").json());
            assertEquals(List.of(MODEL), modelIds(post("get_all_models")));

            assertEquals(Map.of("status", "success", "message", "model loaded", "model_id", "analog-diffusion"),
                    hooks.take(Duration.ofSeconds(5)), "the webhook hears of the load when it is done");
        }
        assertEquals(Map.of("status", "success", "message", "Model exists on server"),
                post("verify_model", "model_id", "analog-diffusion").json());
        ApiClient.Reply all = post("get_all_models");
        assertEquals("success", all.json().get("status"));
        assertEquals(List.of(MODEL, "analog-diffusion"), modelIds(all));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> models = (List<Map<String, Object>>) all.json().get("models");
        assertTrue(models.get(1).get("load_data").toString().matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d"),
                models.toString());
        assertSuccess(post("text2img", "model_id", "analog-diffusion", "prompt", "an analog photo"));
        assertEquals(2, post("system_details").json().get("model_count"));

        assertEquals(Map.of("status", "success", "message", "Model deleted on server"),
                post("delete_model", "model_id", "analog-diffusion").json());
        assertEquals(MODEL_ID_NOT_FOUND, post("verify_model", "model_id", "analog-diffusion").json());
        assertEquals(MODEL_ID_NOT_FOUND, post("delete_model", "model_id", "analog-diffusion").json());
        assertEquals(MODEL_ID_NOT_FOUND, post("text2img", "model_id", "analog-diffusion", "prompt", "a").json());
        assertEquals(MODEL_ID_NOT_FOUND, post("verify_model").json(), "no model_id at all");
        assertEquals(List.of(MODEL), emulator.enterpriseModels());

        // load_model_v2 takes its own fields and load_model's; load_model wants model_type
        emulator.setModelLoadTime(Duration.ZERO);
        assertEquals("model load started", post("load_model_v2", "url", "https://civitai.com/api/download/models/1",
                "model_id", "majicmix", "model_category", "stable_diffusion", "model_format", "safetensors",
                "revision", "fp16").json().get("message"));
        assertEquals("model load started", post("load_model_v2", "url", "wavymulder/Analog-Diffusion", "model_id",
                "analog", "model_type", "huggingface", "from_safetensors", "no").json().get("message"));
        assertEquals(List.of(MODEL, "majicmix", "analog"), emulator.enterpriseModels(), "loaded at once");
        assertEquals(Map.of("model_type", List.of("The model type field is required."),
                        "url", List.of("The url field is required.")).keySet(),
                post("load_model", "model_id", "x").map("message").keySet());
        assertEquals(Map.of("model_type", List.of("The selected model type is invalid.")),
                post("load_model", "url", "a/b", "model_id", "x", "model_type", "checkpoint").map("message"));

        emulator.reset();
        assertEquals(List.of(MODEL), emulator.enterpriseModels(), "a reset brings the configured models back");
    }

    @Test
    void fetchTakesTheRequestIdInTheBodyAndTheIdInThePath() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = post("text2img", "model_id", MODEL, "prompt", "a slow one");
        Map<String, Object> processing = queued.json();
        assertEquals("processing", processing.get("status"), queued.text());
        Object id = processing.get("id");
        assertEquals(emulator.baseUrl() + E + "fetch/" + id, processing.get("fetch_result"));
        assertEquals("Try to fetch request after given estimated time", processing.get("messege"));
        assertEquals("", processing.get("output"), "the community family's processing output");

        ApiClient.Reply bare = post("fetch", "request_id", String.valueOf(id));
        assertEquals(Map.of("status", "processing", "messege", "try again later.", "output", ""),
                withoutTip(bare.json()));
        assertEquals(Map.of("request_id", List.of("The request id field is required.")),
                post("fetch").map("message"));
        assertEquals(Map.of("status", "error", "message", "Request not found"),
                post("fetch", "request_id", 1).json());
        assertEquals(401, api.post(E + "fetch", body("request_id", id)).status(), "the hosted key cannot fetch it");

        assertEquals(1, emulator.completeQueuedJobs());
        ApiClient.Reply done = post("fetch", "request_id", id);
        assertEquals("success", done.json().get("status"), done.text());
        assertEquals(id, done.json().get("id"));
        assertEquals(1, done.list("output").size());
        assertEquals(done.list("output"), api.post(processing.get("fetch_result").toString(), enterprise())
                .list("output"), "the path form, where fetch_result points");
        assertEquals(done.list("output"), post("images/fetch", "request_id", id).list("output"));

        // the product servers fetch by path id, with their own conventions
        Object realtime = post("realtime/text2img", "prompt", "later").json().get("id");
        ApiClient.Reply realtimeQueued = post("realtime/fetch/" + realtime);
        assertEquals("processing", realtimeQueued.json().get("status"));
        assertEquals(realtime, realtimeQueued.json().get("id"), "realtime fetch answers the full processing body");
        assertEquals(404, post("realtime/fetch/1").status());
        emulator.completeQueuedJobs();
        assertEquals("success", post("realtime/fetch/" + realtime).json().get("status"));
    }

    @Test
    void clearQueueFailsTheServersQueuedJobsOnly() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        Object first = post("text2img", "model_id", MODEL, "prompt", "one").json().get("id");
        Object second = post("realtime/text2img", "prompt", "two").json().get("id");
        Object hosted = api.post("/api/v3/text2img", body("prompt", "hosted")).json().get("id");
        Map<String, Object> details = post("system_details").json();
        assertEquals(1, details.get("model_count"));
        assertTrue(((Number) details.get("queue_time")).doubleValue() > 50, details.toString());
        assertEquals(1, api.post("/api/v3/system_load", body()).json().get("queue_num"),
                "the hosted queue is the hosted API's own");

        assertEquals(Map.of("status", "success", "message", "Queue cleared, server is restarting"),
                post("clear_queue").json());
        assertTrue(emulator.isAvailable(), "clear_queue does not close the listener");
        assertEquals(Map.of("status", "failed", "id", String.valueOf(first), "message", "Failed, Try Again",
                "output", ""), post("fetch", "request_id", first).json());
        assertEquals("failed", post("realtime/fetch/" + second).json().get("status"));
        assertEquals("processing", api.post("/api/v3/fetch/" + hosted, body()).json().get("status"));
        assertEquals(Map.of("model_count", 1, "queue_time", 0.0, "status", "ok"), post("system_details").json());

        // every product server's clear_queue clears the one server's queue
        Object video = post("video/text2video", "model_id", "wanx", "prompt", "three").json().get("id");
        assertEquals("Queue cleared, server is restarting",
                post("super-resolution/clear_queue").json().get("message"));
        assertEquals("failed", post("video/fetch/" + video).json().get("status"));
        assertEquals(1, emulator.completeQueuedJobs(), "the hosted job alone was left");
    }

    @Test
    void restartRefusesConnectionsForTheDowntimeThenServesTheSameState() throws Exception {
        // each restart below: long enough that a busy machine cannot reopen the listener before the test has seen it
        // closed and been refused
        emulator.setRestartDowntime(Duration.ofMillis(600));
        Object done = post("text2img", "model_id", MODEL, "prompt", "finished").json().get("id");
        emulator.setProcessingTime(Duration.ofSeconds(30));
        Object queued = post("text2img", "model_id", MODEL, "prompt", "queued").json().get("id");
        int port = emulator.port();
        int recorded = emulator.requestCount();

        ApiClient.Reply restart = post("restart_server");
        assertEquals(Map.of("message", "server restarting", "status", "success"), restart.json());
        long down = waitUntilDown();
        assertConnectionRefused(port);
        assertTrue(emulator.awaitAvailable(Duration.ofSeconds(10)), "back up");
        long downtime = System.nanoTime() - down;
        assertTrue(downtime >= Duration.ofMillis(500).toNanos(), "down for " + downtime / 1_000_000 + " ms");
        assertEquals(port, emulator.port());

        assertEquals("success", post("fetch", "request_id", done).json().get("status"), "finished jobs stay");
        assertEquals("failed", post("fetch", "request_id", queued).json().get("status"),
                "the queue does not outlive a restart");
        assertEquals(List.of(MODEL), modelIds(post("get_all_models")), "loaded models stay");
        assertEquals(recorded + 4, emulator.requestCount(), "the restart call is recorded as any other");
        assertEquals(1, emulator.requestCount(E + "restart_server"));

        // update_server is a restart too, on every product server; and one from Java
        assertEquals(Map.of("message", "server updating", "status", "success"),
                post("video/update_server").json());
        waitUntilDown();
        assertTrue(emulator.awaitAvailable(Duration.ofSeconds(10)));
        emulator.restart();
        assertFalse(emulator.isAvailable(), "closed when restart() returns");
        assertConnectionRefused(port);
        assertTrue(emulator.awaitAvailable(Duration.ofSeconds(10)));
        assertEquals("ok", post("realtime/system_details").json().get("status"));
    }

    @Test
    void theOtherServerOperationsAnswerAsDocumented() {
        assertEquals(Map.of("status", "success", "message", "Cache cleared successfully"), post("clear_cache").json());
        @SuppressWarnings("unchecked")
        List<String> schedulers = (List<String>) post("schedulers_list").json().get("schedulers");
        assertEquals(EmulatorRoutes.SCHEDULER_NAMES, schedulers);
        assertEquals("DDPMScheduler", schedulers.get(0));
        assertEquals(Set.of("schedulers"), post("schedulers_list").json().keySet(), "the names alone");

        assertEquals(Map.of("status", "success", "message", "VAE load started"), post("load_vae", "webhook", null,
                "vae_id", "vae-kl-f8-anime2", "vae_url", "bullhug/kl-f8-anime2", "vae_type", "diffusers").json());
        assertEquals(Map.of("vae_id", List.of("The vae id field is required."), "vae_type",
                List.of("The selected vae type is invalid.")), post("load_vae", "vae_url", "a/b", "vae_type", "bin")
                .map("message"));

        assertEquals(Map.of("status", "success", "message", "1 Models synced successfully", "model_list",
                List.of(MODEL)), post("sync_models", "sync_key", OTHER_SERVER_KEY).json());
        assertEquals(Map.of("status", "error", "message", "Invalid sync key"),
                post("sync_models", "sync_key", ApiClient.KEY).json());
        assertEquals(Map.of("sync_key", List.of("The sync key field is required.")),
                post("sync_models").map("message"));

        byte[] png = api.get(image).bytes();
        ApiClient.Reply upload = post("upload_image", "base64_image", Base64.getEncoder().encodeToString(png),
                "image_type", "png");
        assertEquals("success", upload.json().get("status"), upload.text());
        assertEquals("image uploaded", upload.json().get("message"));
        assertEquals(png.length, api.get(upload.json().get("image_url").toString()).bytes().length);
        assertEquals(Map.of("base64_image", List.of("The base64 image must be a valid base64 encoded image.")),
                post("upload_image", "base64_image", "bm90IGFuIGltYWdl").map("message"));

        assertEquals(Map.of("images", image, "has_nsfw_concept", List.of(false)),
                post("nsfw_image_check", "init_image", image).json());
        String nsfw = api.post("/api/v3/text2img", body("prompt", "naked", "width", 64, "height", 64,
                "safety_checker", "no")).list("output").get(0);
        assertEquals(List.of(true), post("nsfw_image_check", "init_image", nsfw).json().get("has_nsfw_concept"));

        assertEquals("success", post("update_s3", "deploy_type", "text_to_image", "public_url",
                "https://cdn.example.com/generations/", "region_name", "US-CENTRAL1", "endpoint_url",
                "https://storage.googleapis.com", "aws_access_key_id", "access", "aws_secret_access_key", "secret",
                "image_directory", "generations").json().get("status"));
        assertEquals(Map.of("deploy_type", List.of("The selected deploy type is invalid.")),
                post("update_s3", "deploy_type", "gpu").map("message"));

        // each product server has the five server operations
        for (String product : List.of("", "realtime/", "video/", "super_resolution/", "super-resolution/")) {
            assertEquals(Set.of("model_count", "queue_time", "status"), post(product + "system_details").json()
                    .keySet(), product);
            assertEquals("Cache cleared successfully", post(product + "clear_cache").json().get("message"));
        }
    }

    @Test
    void theCommandLineConfiguresTheServer() throws InterruptedException {
        try (SdEmulator standalone = SdEmulator.Builder.fromArgs(new String[] { "--port", "0", "--enterprise-key",
                "cli-key", "--enterprise-model", "m1", "--enterprise-model", "m2", "--model-load-ms", "0",
                "--restart-ms", "0" }).build().start()) {
            ApiClient cli = new ApiClient(standalone);
            assertEquals(2, cli.post(E + "system_details", Map.of("key", "cli-key")).json().get("model_count"));
            assertEquals(401, cli.post(E + "system_details", Map.of("key", KEY)).status());
            cli.post(E + "restart_server", Map.of("key", "cli-key"));
            assertTrue(standalone.awaitAvailable(Duration.ofSeconds(10)), "a zero downtime opens again at once");
            assertEquals(List.of("m1", "m2"), standalone.enterpriseModels());
        }
        try (SdEmulator defaults = SdEmulator.builder().build().start()) {
            assertEquals(List.of(ResponseBodies.DEFAULT_MODEL), defaults.enterpriseModels());
            assertEquals("ok", new ApiClient(defaults).post(E + "system_details",
                    Map.of("key", "emulator-enterprise-key")).json().get("status"), "the default enterprise key");
        }
    }

    private static void assertSuccess(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals("success", reply.json().get("status"), reply.text());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> modelIds(ApiClient.Reply reply) {
        return ((List<Map<String, Object>>) reply.json().get("models")).stream().map(model -> model.get("model_id"))
                .toList();
    }

    private static Map<String, Object> withoutTip(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove("tip");
        return copy;
    }

    /** Waits for the listener to close after a restart's answer; returns when it saw it closed. */
    private long waitUntilDown() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emulator.isAvailable()) {
            assertTrue(System.nanoTime() < deadline, "the listener did not close");
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static void assertConnectionRefused(int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            } catch (IOException e) {
                throw e;
            }
        }, "nothing listens on " + port + " while the server restarts");
    }
}

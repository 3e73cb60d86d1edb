package io.github.camelsd.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Community / Dreambooth models on V4 ({@code /api/v4/dreambooth}) and v6 ({@code /api/v6/images}). */
class CommunityModelsTest extends EmulatorTestSupport {

    static final Set<String> MODELS = Set.of("midjourney", "sdxl", "runwayml/stable-diffusion-v1-5");

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.knownModels(MODELS);
    }

    @Test
    void v4TextToImageTakesEveryDocumentedFormAndEchoesTheCommunityFields() {
        Map<String, Object> request = body("model_id", "midjourney", "prompt", "a castle", "negative_prompt", null,
                "width", "512", "height", "768", "samples", "2", "num_inference_steps", "31", "safety_checker", "no",
                "enhance_prompt", "yes", "seed", null, "guidance_scale", 7.5, "multi_lingual", "no", "panorama", "no",
                "self_attention", "no", "upscale", "2", "embeddings_model", null, "lora_model", "more_details,animie",
                "lora_strength", "0.6,0.8", "tomesd", "yes", "clip_skip", "2", "use_karras_sigmas", "yes",
                "vae", null, "scheduler", "UniPCMultistepScheduler", "algorithm_type", "dpmsolver+++",
                "safety_checker_type", "blur", "highres_fix", true, "temp", "no", "base64", "no", "webhook", null,
                "track_id", null, "not_a_documented_field", Map.of("any", "thing"));
        ApiClient.Reply reply = api.post("/api/v4/dreambooth", request);

        assertEquals(200, reply.status());
        Map<String, Object> json = reply.json();
        assertEquals("success", json.get("status"), reply.text());
        assertEquals(2, reply.list("output").size());
        assertFalse(json.containsKey("proxy_links"), "V4 conventions: no proxy links");
        Map<String, Object> meta = reply.map("meta");
        assertEquals("midjourney", meta.get("model"));
        assertEquals(768, meta.get("H"));
        assertEquals(31, meta.get("steps"));
        assertEquals("more_details,animie", meta.get("lora_model"));
        assertEquals("0.6,0.8", meta.get("lora_strength"));
        assertEquals("UniPCMultistepScheduler", meta.get("scheduler"));
        assertEquals("2", meta.get("upscale"), "V4's upscale takes a factor");
        assertFalse(meta.containsKey("not_a_documented_field"), "unknown fields are ignored");
        assertEquals(200, api.get(reply.list("output").get(1)).status());
    }

    @Test
    void stepsOnV4AcceptTheDocumentedValuesAndTheStepsAlias() {
        for (int steps : new int[] { 1, 21, 31, 41, 51 }) {
            ApiClient.Reply reply = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "p" + steps,
                    "num_inference_steps", steps));
            assertEquals(steps, reply.map("meta").get("steps"), reply.text());
        }
        assertEquals(Map.of("num_inference_steps", List.of("The num inference steps must be between 1 and 51.")),
                api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "num_inference_steps", 52))
                        .map("message"));
        String image = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "width", 64,
                "height", 64)).list("output").get(0);
        ApiClient.Reply inpaint = api.post("/api/v4/dreambooth/inpaint", body("model_id", "sdxl", "prompt", "a",
                "init_image", image, "mask_image", image, "steps", "41", "strength", 0.7));
        assertEquals("success", inpaint.json().get("status"), inpaint.text());
        assertEquals(41, inpaint.map("meta").get("steps"), "steps is num_inference_steps' alias");
    }

    @Test
    void v6StepsDefaultTo31AndAreCappedAt20InMeta() {
        ApiClient.Reply byDefault = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "a"));
        assertEquals("success", byDefault.json().get("status"), byDefault.text());
        assertEquals(20, byDefault.map("meta").get("steps"), "default 31, capped");

        ApiClient.Reply thirtyOne = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "b",
                "num_inference_steps", 31));
        assertEquals("success", thirtyOne.json().get("status"), "31 must not be rejected: " + thirtyOne.text());
        assertEquals(20, thirtyOne.map("meta").get("steps"));
        assertEquals(12, api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "c",
                "num_inference_steps", "12")).map("meta").get("steps"));

        ApiClient.Reply tooMany = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "d",
                "num_inference_steps", 51));
        assertEquals(200, tooMany.status(), "v6 images answers its errors under HTTP 200");
        assertEquals(Map.of("status", "error", "message", "The num inference steps must be between 1 and 50."),
                tooMany.json());
    }

    @Test
    void v6BodiesAreV6AndTakeBooleans() {
        ApiClient.Reply reply = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "a road",
                "upscale", true, "highres_fix", false, "tomesd", true, "use_karras_sigmas", "yes", "base64", false,
                "ip_adapter_id", "ip-adapter_sdxl", "ip_adapter_scale", "0.6", "enhance_style", "cinematic",
                "clip_skip", 2, "safety_checker", false));
        assertEquals("success", reply.json().get("status"), reply.text());
        assertEquals(reply.list("output"), reply.list("proxy_links"));
        assertEquals(false, reply.json().get("nsfw_content_detected"));

        ApiClient.Reply factor = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "a",
                "upscale", "2"));
        assertEquals(Map.of("status", "error", "message", "The upscale field must be true or false."), factor.json(),
                "v6 upscale is a boolean, V4's may be a factor");
    }

    @Test
    void aMissingModelIsModelIdNotFoundAndAnUnknownOneHasTheFamilysText() {
        Map<String, Object> notFound = Map.of("status", "error", "message", "Model id not found");
        for (String path : List.of("/api/v4/dreambooth", "/api/v6/images/text2img")) {
            ApiClient.Reply reply = api.post(path, body("prompt", "a"));
            assertEquals(200, reply.status(), path);
            assertEquals(notFound, reply.json(), path);
            assertEquals(notFound, api.post(path, body("prompt", "a", "model_id", "  ")).json(), path + " blank");
        }
        String image = "https://example.com/in.png"; // never downloaded: the model is checked first
        assertEquals(notFound, api.post("/api/v4/dreambooth/img2img", body("prompt", "a", "init_image", image)).json());
        assertEquals(notFound, api.post("/api/v6/images/inpaint", body("prompt", "a", "init_image", image,
                "mask_image", image)).json());

        assertEquals(notFound, api.post("/api/v4/dreambooth", body("prompt", "a", "model_id", "nope")).json());
        assertEquals(Map.of("status", "error", "message", "Model not found: nope"),
                api.post("/api/v6/images/text2img", body("prompt", "a", "model_id", "nope")).json());
    }

    @Test
    void loraStrengthIsOneNumberFrom01To1PerLora() {
        assertEquals(Map.of("lora_strength", List.of("The lora strength must have one value per lora_model entry:"
                                                     + " 2 models, 1 value given.")),
                api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "lora_model",
                        "more_details,animie", "lora_strength", "0.5")).map("message"));
        assertEquals(Map.of("lora_strength", List.of("The lora strength values must be between 0.1 and 1.")),
                api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "lora_model", "a,b",
                        "lora_strength", "0.5,1.5")).map("message"));
        assertEquals(Map.of("lora_strength", List.of("The lora strength must be a number or a comma-separated list"
                                                     + " of numbers.")),
                api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "lora_strength", "0.5,,0.2"))
                        .map("message"));
        ApiClient.Reply v6 = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "a",
                "lora_model", "one", "lora_strength", 2));
        assertTrue(((String) v6.json().get("message")).startsWith("The lora strength"), v6.text());

        assertEquals("success", api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a",
                "lora_model", "more_details", "lora_strength", 0.7)).json().get("status"), "a number for one LoRA");
    }

    @Test
    void theOtherCommunityFieldsAreChecked() {
        Map<String, Object> message = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a",
                "scheduler", "Euler", "clip_skip", 9, "algorithm_type", "dpmsolver", "upscale", "4", "tomesd", "maybe",
                "safety_checker_type", "BLUR", "ip_adapter_scale", 1.5, "ip_adapter_id", "ip-adapter")).map("message");
        assertEquals(List.of("clip_skip", "scheduler", "upscale", "tomesd", "algorithm_type", "ip_adapter_id",
                "ip_adapter_scale", "safety_checker_type"), List.copyOf(message.keySet()));
        assertEquals(List.of("The selected scheduler is invalid."), message.get("scheduler"));
        assertEquals(List.of("The tomesd field must be true or false."), message.get("tomesd"));
    }

    @Test
    void eachFamilyHasItsValidationForm() {
        ApiClient.Reply v4 = api.post("/api/v4/dreambooth", body("model_id", "sdxl"));
        assertEquals(200, v4.status());
        assertEquals(Map.of("status", "error", "message", Map.of("prompt", List.of("The prompt field is required."))),
                v4.json(), "V4: the seed's field map");

        ApiClient.Reply v6 = api.post("/api/v6/images/text2img", body("model_id", "sdxl"));
        assertEquals(200, v6.status());
        assertEquals(Map.of("status", "error", "message", "The prompt field is required."), v6.json(),
                "v6 images: the plain Laravel text under HTTP 200");

        ApiClient.Reply realtime = api.post("/api/v6/realtime/text2img", body());
        assertEquals(400, realtime.status());
        assertEquals(Map.of("status", "error", "message", "prompt is required"), realtime.json(),
                "realtime: the error-codes page's text with HTTP 400");

        assertEquals(200, api.post("/api/v4/dreambooth", Map.of("key", "wrong", "prompt", "a")).status());
        assertEquals(401, api.post("/api/v6/images/text2img", Map.of("key", "wrong", "prompt", "a")).status());
    }

    @Test
    void aQueuedV4JobSpellsMessegeAndIsFetchedWithRequestIdInTheBody() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "slow", "samples",
                2));

        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"), queued.text());
        assertEquals("Try to fetch request after given estimated time", json.get("messege"));
        assertFalse(json.containsKey("message"), "community spells messege: " + json.keySet());
        assertEquals("", json.get("output"));
        Number id = (Number) json.get("id");
        assertTrue(((Number) json.get("eta")).doubleValue() > 0, "eta " + json.get("eta"));
        assertEquals(emulator.baseUrl() + "/api/v4/dreambooth/fetch/" + id, json.get("fetch_result"));
        List<String> futureLinks = queued.list("future_links");
        assertEquals(2, futureLinks.size());

        Map<String, Object> bare = api.post("/api/v4/dreambooth/fetch", body("request_id", id)).json();
        assertEquals(List.of("status", "messege", "output", "tip"), List.copyOf(bare.keySet()), "bare: " + bare);
        assertEquals("try again later.", bare.get("messege"));
        assertEquals("", bare.get("output"));

        assertEquals(1, emulator.completeQueuedJobs());
        ApiClient.Reply byBody = api.post("/api/v4/dreambooth/fetch", body("request_id", String.valueOf(id)));
        assertEquals("success", byBody.json().get("status"), byBody.text());
        assertEquals(id, byBody.json().get("id"));
        assertEquals(futureLinks, byBody.list("output"));
        assertEquals(futureLinks, api.post("/api/v4/dreambooth/fetch/" + id, body()).list("output"),
                "fetch_result's path form works too");

        ApiClient.Reply unknown = api.post("/api/v4/dreambooth/fetch", body("request_id", 1));
        assertEquals(200, unknown.status());
        assertEquals(Map.of("status", "error", "message", "Request not found"), unknown.json());
        assertEquals(Map.of("request_id", List.of("The request id field is required.")),
                api.post("/api/v4/dreambooth/fetch", body()).map("message"));
    }

    @Test
    void aQueuedV6JobIsFetchedInBothDocumentedForms() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "slow"));

        Map<String, Object> json = queued.json();
        assertEquals("Try to fetch request after given estimated time", json.get("message"), queued.text());
        assertFalse(json.containsKey("messege"));
        assertEquals(List.of(), json.get("output"));
        Object id = json.get("id");
        assertEquals(emulator.baseUrl() + "/api/v6/images/fetch/" + id, json.get("fetch_result"));

        Map<String, Object> bare = api.post("/api/v6/images/fetch", body("request_id", id)).json();
        assertEquals(List.of("status", "messege", "output", "tip"), List.copyOf(bare.keySet()), "bare: " + bare);

        emulator.completeQueuedJobs();
        ApiClient.Reply byBody = api.post("/api/v6/images/fetch", body("request_id", id));
        ApiClient.Reply byPath = api.post("/api/v6/images/fetch/" + id, body());
        assertEquals("success", byBody.json().get("status"), byBody.text());
        assertEquals(queued.list("future_links"), byBody.list("output"));
        assertEquals(byBody.list("output"), byPath.list("proxy_links"));

        ApiClient.Reply unknown = api.post("/api/v6/images/fetch/1", body());
        assertEquals(404, unknown.status());
        assertEquals(Map.of("status", "error", "message", "The request id field is required."),
                api.post("/api/v6/images/fetch", body()).json());
    }

    @Test
    void modelListIsATopLevelArrayOfTheKnownModels() throws IOException {
        ApiClient.Reply reply = api.post("/api/v4/dreambooth/model_list", body());

        assertEquals(200, reply.status());
        assertTrue(reply.text().startsWith("["), "a top-level array: " + reply.text());
        List<Map<String, Object>> models = ApiClient.JSON.readValue(reply.bytes(), new TypeReference<>() {
        });
        assertEquals(List.of("midjourney", "runwayml/stable-diffusion-v1-5", "sdxl"),
                models.stream().map(model -> model.get("model_id")).toList());
        Map<String, Object> first = models.get(0);
        assertEquals(List.of("model_id", "status", "created_at", "instance_prompt", "model_name", "description",
                "screenshots"), List.copyOf(first.keySet()));
        assertEquals("model_ready", first.get("status"));
        assertTrue(first.containsKey("created_at") && first.get("created_at") == null, "created_at null: " + first);
        assertEquals("midjourney", first.get("model_name"));
        ApiClient.Reply screenshot = api.get((String) models.get(1).get("screenshots"));
        assertEquals(200, screenshot.status());
        assertEquals("image/png", screenshot.contentType());

        assertEquals(200, api.post("/api/v4/dreambooth/model_list", Map.of("key", "wrong")).status());
        assertEquals("Invalid Api Key", api.post("/api/v4/dreambooth/model_list", Map.of("key", "wrong"))
                .json().get("message"));
    }

    @Test
    void modelReloadOnBothVersions() {
        for (String path : List.of("/api/v4/dreambooth/model_reload", "/api/v6/images/model_reload")) {
            ApiClient.Reply reply = api.post(path, body("model_id", "midjourney"));
            assertEquals("success", reply.json().get("status"), path + ": " + reply.text());
            assertNotNull(reply.json().get("message"));
            assertEquals(Map.of("status", "error", "message", "Model id not found"), api.post(path, body()).json());
        }
        assertEquals("Model id not found",
                api.post("/api/v4/dreambooth/model_reload", body("model_id", "gone")).json().get("message"));
        assertEquals("Model not found: gone",
                api.post("/api/v6/images/model_reload", body("model_id", "gone")).json().get("message"));
    }

    @Test
    void theIpAdapterImageIsDownloadedLikeTheInitImage() {
        String image = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "a", "width", 64,
                "height", 64)).list("output").get(0);

        assertEquals("success", api.post("/api/v6/images/img2img", body("model_id", "sdxl", "prompt", "b",
                "init_image", image, "ip_adapter_image", image)).json().get("status"));
        assertEquals(Map.of("status", "error", "message", "Unable to fetch image from provided URL"),
                api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "b",
                        "ip_adapter_image", emulator.baseUrl() + "/generations/missing-0.png")).json());
        assertEquals("The ip adapter image must be a valid URL.",
                api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "b",
                        "ip_adapter_image", "not a url")).json().get("message"));
    }

    @Test
    void spamFilterQueueLimitNsfwFaultsAndCountsApplyToTheNewPaths() {
        emulator.setSpamFilterWindow(Duration.ofSeconds(30));
        assertEquals("success", api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "same"))
                .json().get("status"));
        assertEquals("Rate limit exceeded", api.post("/api/v6/images/text2img", body("model_id", "sdxl",
                "prompt", "same")).json().get("message"));
        emulator.setSpamFilterWindow(Duration.ZERO);

        ApiClient.Reply nsfw = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "nude"));
        assertEquals(true, nsfw.json().get("nsfw_content_detected"), "V4's safety checker is on by default");

        emulator.setProcessingTime(Duration.ofSeconds(30));
        emulator.setQueueLimit(1);
        assertEquals("processing", api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "one"))
                .json().get("status"));
        assertEquals(429, api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "two")).status(),
                "the queue is the key's, across families");
        emulator.completeQueuedJobs();

        emulator.faults().forPath("/api/v4/dreambooth", Fault.httpStatus(503), 1);
        assertEquals(503, api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "three")).status());
        emulator.faults().next(Fault.failWhileProcessing());
        Object id = api.post("/api/v6/images/text2img", body("model_id", "sdxl", "prompt", "doomed"))
                .json().get("id");
        emulator.completeQueuedJobs();
        assertEquals("failed", api.post("/api/v6/images/fetch/" + id, body()).json().get("status"));

        assertEquals(3, emulator.requestCount("/api/v4/dreambooth"), "requests: " + paths());
        assertEquals(5, emulator.requestCount("/api/v6/images"), "requests: " + paths());
    }

    @Test
    void completingAQueuedJobSendsItsWebhookNowWithTheTrackId() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(ApiClient.JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            emulator.setProcessingTime(Duration.ofMinutes(10));
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Object id = api.post("/api/v4/dreambooth", body("model_id", "sdxl", "prompt", "hooked", "webhook", hook,
                    "track_id", "t-9")).json().get("id");
            assertNull(received.poll(0, TimeUnit.SECONDS), "nothing sent while it is queued");

            emulator.completeQueuedJobs();
            Map<String, Object> delivered = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(delivered, "webhook sent on completion; deliveries: " + emulator.webhookDeliveries());
            assertEquals("success", delivered.get("status"));
            assertEquals(id, delivered.get("id"));
            assertEquals("t-9", delivered.get("track_id"));
        } finally {
            receiver.stop(0);
        }
    }

    private List<String> paths() {
        return emulator.requests().stream().map(RecordedRequest::path).toList();
    }
}

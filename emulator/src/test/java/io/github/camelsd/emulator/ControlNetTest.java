package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ControlNet ({@code /api/v5/controlnet}): community conventions, and a fetch_result pointing at V3's fetch. */
class ControlNetTest extends EmulatorTestSupport {

    String image;
    String base64Image;

    @BeforeEach
    void generateInputs() {
        image = api.post("/api/v3/text2img", body("prompt", "a control image", "width", 64, "height", 64))
                .list("output").get(0);
        base64Image = api.post("/api/v3/text2img", body("prompt", "a control image", "width", 16, "height", 16,
                "base64", "yes")).list("output").get(0);
    }

    @Test
    void multiControlNetWithEveryInputImage() {
        ApiClient.Reply reply = api.post("/api/v5/controlnet", body("model_id", "midjourney",
                "controlnet_model", "canny,depth", "controlnet_type", "canny", "auto_hint", "yes", "guess_mode", "no",
                "prompt", "a house", "negative_prompt", null, "init_image", " " + image, "control_image", image,
                "mask_image", null, "width", "512", "height", "512", "samples", "1", "scheduler",
                "UniPCMultistepScheduler", "num_inference_steps", "31", "safety_checker", "no", "enhance_prompt",
                "yes", "guidance_scale", 7.5, "strength", 0.55, "controlnet_conditioning_scale", "0.5", "lora_model",
                null, "tomesd", "yes", "use_karras_sigmas", "yes", "vae", null, "clip_skip", "2", "seed", null,
                "upscale", "no", "base64", "no", "temp", "no", "webhook", null, "track_id", null));

        assertEquals(200, reply.status());
        assertEquals("success", reply.json().get("status"), reply.text());
        Map<String, Object> meta = reply.map("meta");
        assertEquals("canny,depth", meta.get("controlnet_model"));
        assertEquals("0.5", meta.get("controlnet_conditioning_scale"));
        assertEquals("midjourney", meta.get("model"));
        assertEquals(1, reply.list("output").size());
        assertFalse(reply.json().containsKey("proxy_links"));
    }

    @Test
    void base64InputsWithTheBase64FlagANumberScaleAndNoPrompt() {
        ApiClient.Reply reply = api.post("/api/v5/controlnet", body("model_id", "sdxl", "controlnet_model",
                "inpaint", "init_image", base64Image, "mask_image", "data:image/png;base64," + base64Image,
                "base64", "yes", "guess_mode", "yes", "controlnet_conditioning_scale", 0.5));
        assertEquals("success", reply.json().get("status"), reply.text());
        assertEquals(1, reply.list("output").size());
    }

    @Test
    void aQueuedJobPointsAtV3FetchAndIsFoundThereAndOnV6Images() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v5/controlnet", body("model_id", "sdxl", "controlnet_model",
                "openpose", "prompt", "a dancer", "init_image", image));

        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"), queued.text());
        assertEquals("Try to fetch request after given estimated time", json.get("messege"));
        assertFalse(json.containsKey("message"), "ControlNet spells messege: " + json.keySet());
        assertEquals("", json.get("output"));
        Object id = json.get("id");
        assertEquals(emulator.baseUrl() + "/api/v3/fetch/" + id, json.get("fetch_result"));
        List<String> futureLinks = queued.list("future_links");

        ApiClient.Reply v3 = api.post("/api/v3/fetch/" + id, body());
        assertEquals("processing", v3.json().get("status"), v3.text());
        assertEquals("", v3.json().get("output"), "V3's fetch answers the job's own processing body");
        assertTrue(v3.json().containsKey("eta"));
        Map<String, Object> bare = api.post("/api/v6/images/fetch", body("request_id", id)).json();
        assertEquals(List.of("status", "messege", "output", "tip"), List.copyOf(bare.keySet()), "bare: " + bare);

        assertEquals(1, emulator.completeQueuedJobs());
        for (ApiClient.Reply fetched : List.of(api.post("/api/v3/fetch/" + id, body()),
                api.post("/api/v6/images/fetch", body("request_id", String.valueOf(id))),
                api.post("/api/v6/images/fetch/" + id, body()))) {
            assertEquals("success", fetched.json().get("status"), fetched.text());
            assertEquals(futureLinks, fetched.list("output"));
        }
    }

    @Test
    void validationErrorsAreTheFieldMapWithHttp200() {
        Map<String, Object> base = body("model_id", "sdxl", "controlnet_model", "canny", "init_image", image);

        assertEquals(Map.of("controlnet_conditioning_scale",
                List.of("The controlnet conditioning scale must be between 0.1 and 5.")), invalid(base,
                "controlnet_conditioning_scale", "5.5"));
        assertEquals(Map.of("controlnet_conditioning_scale",
                List.of("The controlnet conditioning scale must be between 0.1 and 5.")), invalid(base,
                "controlnet_conditioning_scale", 0.05));
        assertEquals(Map.of("controlnet_conditioning_scale",
                List.of("The controlnet conditioning scale must be a number.")), invalid(base,
                "controlnet_conditioning_scale", "high"));
        assertEquals(Map.of("controlnet_model", List.of("The selected controlnet model is invalid.")),
                invalid(base, "controlnet_model", "canny,sketch"));
        assertEquals(Map.of("width", List.of("The width must be at least 64.")), invalid(base, "width", 32));
        assertEquals(Map.of("samples", List.of("The samples must be between 1 and 4.")), invalid(base, "samples", 5));
        assertEquals(Map.of("init_image", List.of("The init image field is required.")),
                invalid(body("model_id", "sdxl"), "controlnet_model", "canny"));
    }

    @Test
    void modelAndImageErrors() {
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v5/controlnet", body("controlnet_model", "canny", "init_image", image)).json());
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v5/controlnet", body("model_id", "nope", "init_image", image)).json());
        assertEquals(Map.of("status", "error", "message", "Unable to fetch image from provided URL"),
                api.post("/api/v5/controlnet", body("model_id", "sdxl", "init_image", image,
                        "control_image", emulator.baseUrl() + "/generations/missing-0.png")).json());
    }

    private Map<String, Object> invalid(Map<String, Object> base, String field, Object value) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(base);
        request.put(field, value);
        ApiClient.Reply reply = api.post("/api/v5/controlnet", request);
        assertEquals(200, reply.status(), reply.text());
        assertEquals("error", reply.json().get("status"), reply.text());
        return reply.map("message");
    }
}

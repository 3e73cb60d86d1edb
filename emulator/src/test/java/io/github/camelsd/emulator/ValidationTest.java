package io.github.camelsd.emulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The key check and the field-map validation errors, in Laravel's wording, with the status of each path family. */
class ValidationTest extends EmulatorTestSupport {

    static final String IMAGE = "https://example.com/in.png";
    static final Map<String, Object> INVALID_KEY = Map.of("status", "error", "message", "Invalid Api Key", "tip",
            "1. Make sure you are passing Key in the body of the request.\n2. Check if the key is valid.");

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.apiKey("other-key");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("/api/v3/text2img", body(), "prompt", List.of("The prompt field is required.")),
                arguments("/api/v3/text2img", body("prompt", "  "), "prompt", List.of("The prompt field is required.")),
                arguments("/api/v3/text2img", body("prompt", 42), "prompt", List.of("The prompt must be a string.")),
                arguments("/api/v3/text2img", body("prompt", "a", "width", 500), "width",
                        List.of("The width must be a multiple of 8.")),
                arguments("/api/v3/text2img", body("prompt", "a", "width", "1032"), "width",
                        List.of("The width may not be greater than 1024.")),
                arguments("/api/v3/text2img", body("prompt", "a", "width", 1030), "width",
                        List.of("The width must be a multiple of 8.", "The width may not be greater than 1024.")),
                arguments("/api/v3/text2img", body("prompt", "a", "height", 0), "height",
                        List.of("The height must be at least 8.")),
                arguments("/api/v3/text2img", body("prompt", "a", "height", "tall"), "height",
                        List.of("The height must be an integer.")),
                arguments("/api/v3/text2img", body("prompt", "a", "width", 512.5), "width",
                        List.of("The width must be an integer.")),
                arguments("/api/v3/text2img", body("prompt", "a", "samples", 5), "samples",
                        List.of("The samples must be between 1 and 4.")),
                arguments("/api/v3/text2img", body("prompt", "a", "samples", "0"), "samples",
                        List.of("The samples must be between 1 and 4.")),
                arguments("/api/v3/text2img", body("prompt", "a", "num_inference_steps", 51), "num_inference_steps",
                        List.of("The num inference steps must be between 1 and 50.")),
                arguments("/api/v6/realtime/text2img", body("prompt", "a", "num_inference_steps", 21),
                        "num_inference_steps", List.of("The num inference steps must be between 1 and 20.")),
                arguments("/api/v3/text2img", body("prompt", "a", "guidance_scale", 20.5), "guidance_scale",
                        List.of("The guidance scale must be between 1 and 20.")),
                arguments("/api/v3/text2img", body("prompt", "a", "guidance_scale", "high"), "guidance_scale",
                        List.of("The guidance scale must be a number.")),
                arguments("/api/v3/text2img", body("prompt", "a", "seed", "lucky"), "seed",
                        List.of("The seed must be an integer.")),
                arguments("/api/v3/text2img", body("prompt", "a", "seed", 1.5), "seed",
                        List.of("The seed must be an integer.")),
                arguments("/api/v3/text2img", body("prompt", "a", "clip_skip", 9), "clip_skip",
                        List.of("The clip skip must be between 1 and 8.")),
                arguments("/api/v3/text2img", body("prompt", "a", "webhook", "not a url"), "webhook",
                        List.of("The webhook must be a valid URL.")),
                arguments("/api/v3/img2img", body("prompt", "a", "init_image", IMAGE, "strength", "1.5"), "strength",
                        List.of("The strength must be between 0 and 1.")),
                arguments("/api/v3/img2img", body("prompt", "a"), "init_image",
                        List.of("The init image field is required.")),
                arguments("/api/v3/img2img", body("prompt", "a", "init_image", "in.png"), "init_image",
                        List.of("The init image must be a valid URL.")),
                arguments("/api/v6/realtime/img2img", body("prompt", "a", "init_image", "ftp://example.com/in.png"),
                        "init_image", List.of("The init image must be a valid URL.")),
                arguments("/api/v3/inpaint", body("prompt", "a", "init_image", IMAGE), "mask_image",
                        List.of("The mask image field is required.")),
                arguments("/api/v6/realtime/inpaint", body("prompt", "a", "init_image", IMAGE, "mask_image", 7),
                        "mask_image", List.of("The mask image must be a valid URL.")));
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("rules")
    void eachRuleAnswersItsFieldMap(String path, Map<String, Object> body, String field, List<String> messages) {
        ApiClient.Reply reply = api.post(path, body);

        assertEquals(path.startsWith("/api/v6") ? 400 : 200, reply.status());
        assertEquals(Map.of("status", "error", "message", Map.of(field, messages)), reply.json());
    }

    @Test
    void everyFailingFieldIsReportedInOrder() {
        Map<String, Object> message = api.post("/api/v3/text2img", body("width", 7, "samples", 9)).map("message");

        assertEquals(List.of("prompt", "width", "samples"), List.copyOf(message.keySet()));
        assertEquals(List.of("The width must be a multiple of 8.", "The width must be at least 8."), message.get("width"));
    }

    @Test
    void theBoundsThemselvesPass() {
        ApiClient.Reply reply = api.post("/api/v3/text2img", body("prompt", "a", "width", 8, "height", "1024",
                "samples", 4, "num_inference_steps", 50, "guidance_scale", 1, "clip_skip", "8", "seed", 0));
        assertEquals("success", reply.json().get("status"), reply.text());
        assertEquals("success", api.post("/api/v6/realtime/text2img", body("prompt", "a", "num_inference_steps", 20,
                "guidance_scale", "20", "width", "")).json().get("status"), "an empty string counts as absent");
    }

    @Test
    void aWrongOrMissingKeyIsRefusedWith200OnV3And401OnV6BeforeAnyValidation() {
        Map<String, Object> wrongKey = body("width", 7);
        wrongKey.put("key", "sk-wrong");

        ApiClient.Reply v3 = api.post("/api/v3/text2img", wrongKey);
        assertEquals(200, v3.status());
        assertEquals(INVALID_KEY, v3.json());
        ApiClient.Reply v6 = api.post("/api/v6/realtime/text2img", wrongKey);
        assertEquals(401, v6.status());
        assertEquals(INVALID_KEY, v6.json());

        assertEquals(INVALID_KEY, api.postRaw("/api/v3/system_load", "{}").json());
        assertEquals(INVALID_KEY, api.postRaw("/api/v3/fetch/10000001", "not json").json());
        assertEquals(401, api.postRaw("/api/v6/realtime/fetch/10000001", "{\"key\":null}").status());
        assertEquals("success", api.post("/api/v3/text2img", Map.of("key", "other-key", "prompt", "a"))
                .json().get("status"), "every configured key is accepted");
    }
}

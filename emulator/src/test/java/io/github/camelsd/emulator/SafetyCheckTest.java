package io.github.camelsd.emulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The general API's NSFW checks, {@code /api/v3/nsfw_image_check} and {@code /api/check_nsfw_cp}, whose verdicts follow
 * the rule the emulator's generations use: "nsfw", "nude" or "naked" in the prompt (or, for an image from elsewhere,
 * in its URL).
 */
class SafetyCheckTest extends EmulatorTestSupport {

    static final String IMAGE_CHECK = "/api/v3/nsfw_image_check";
    static final String PROMPT_CHECK = "/api/check_nsfw_cp";
    /** The page's example prompt. */
    static final String EXAMPLE = "ultra realistic close up portrait ((beautiful pale cyberpunk female with heavy "
                                  + "black eyeliner, nude)) , blue eyes, shaved side haircut, hyper detail, cinematic "
                                  + "lighting, 8K";

    @Test
    void anImageIsNsfwWhenTheEmulatorDrewItFromAnNsfwPromptUnblanked() {
        String nsfw = image("a nude statue", false);
        ApiClient.Reply reply = api.post(IMAGE_CHECK, body("init_image", nsfw));
        assertEquals(200, reply.status());
        assertEquals(Map.of("images", nsfw, "has_nsfw_concept", List.of(true)), reply.json(),
                "the documented answer: no status, the image as sent, a one-element list");

        assertEquals(List.of(false), check(image("a nude statue", true)), "the safety checker blanked it");
        assertEquals(List.of(false), check(image("a quiet lake", false)));
    }

    @Test
    void anyOtherImageIsJudgedByItsUrlAndTheThresholdApplies() {
        String upload = (String) api.post("/api/v3/base64_crop", body("image", java.util.Base64.getEncoder()
                .encodeToString(api.get(image("a quiet lake", false)).bytes()))).json().get("link");
        assertEquals(List.of(false), check(upload));
        String nsfw = image("naked", false);
        assertEquals(List.of(true), check(nsfw, "threshold", 0.9));
        assertEquals(List.of(false), check(nsfw, "threshold", "0.99"), "above the emulator's score");
        assertEquals(List.of(true), check(upload, "threshold", 0), "everything passes a threshold of 0");
    }

    @Test
    void theImageCheckValidatesAndDownloads() {
        ApiClient.Reply missing = api.post(IMAGE_CHECK, body());
        assertEquals(400, missing.status());
        assertEquals(Map.of("status", "error", "message", "init_image is required"), missing.json());
        assertEquals(Map.of("status", "error", "message", "threshold must be between 0 and 1"),
                api.post(IMAGE_CHECK, body("init_image", image("x", false), "threshold", 2)).json());
        ApiClient.Reply unreachable = api.post(IMAGE_CHECK, body("init_image", emulator.baseUrl()
                + "/generations/nude-0.png"));
        assertEquals(400, unreachable.status());
        assertEquals(Map.of("status", "error", "message", "Unable to fetch image from provided URL"),
                unreachable.json());
        assertEquals(401, api.post(IMAGE_CHECK, Map.of("key", "wrong")).status());
    }

    @Test
    void thePromptCheckAnswersThePagesExample() {
        ApiClient.Reply reply = api.post(PROMPT_CHECK, body("prompt", EXAMPLE));
        assertEquals(200, reply.status());
        assertEquals(Map.of("status", "success", "is_cp", false, "is_nsfw", true, "original_prompt", EXAMPLE,
                "filtered_prompt", EXAMPLE), reply.json(), "an NSFW prompt comes back unfiltered, as documented");

        Map<String, Object> safe = api.post(PROMPT_CHECK, body("prompt", "a quiet lake at dawn")).json();
        assertEquals(false, safe.get("is_nsfw"));
        assertEquals(false, safe.get("is_cp"));
        assertEquals("a quiet lake at dawn", safe.get("filtered_prompt"));
    }

    @Test
    void aCpPromptIsFlaggedAndFiltered() {
        Map<String, Object> cp = api.post(PROMPT_CHECK, body("prompt", "nsfw picture of a child")).json();
        assertEquals(true, cp.get("is_cp"));
        assertEquals(true, cp.get("is_nsfw"));
        assertEquals("nsfw picture of a child", cp.get("original_prompt"));
        assertEquals("nsfw picture of a", cp.get("filtered_prompt"));
        assertEquals(false, api.post(PROMPT_CHECK, body("prompt", "a child flying a kite")).json().get("is_cp"),
                "a minor in a harmless prompt is no CP");

        assertEquals(Map.of("status", "error", "message", "prompt is required"),
                api.post(PROMPT_CHECK, body()).json());
        assertEquals(400, api.post(PROMPT_CHECK, body("prompt", 42)).status());
    }

    /** An image the emulator drew from {@code prompt}, with the v6 safety checker on or off. */
    private String image(String prompt, boolean safetyChecker) {
        return api.post("/api/v6/realtime/text2img", body("prompt", prompt, "width", 16, "height", 16,
                "safety_checker", safetyChecker)).list("output").get(0);
    }

    private Object check(String image, Object... pairs) {
        Map<String, Object> request = body(pairs);
        request.put("init_image", image);
        ApiClient.Reply reply = api.post(IMAGE_CHECK, request);
        assertEquals(200, reply.status(), reply.text());
        return reply.json().get("has_nsfw_concept");
    }
}

package io.github.camelsd.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The v6 image-editing tools ({@code /api/v6/image_editing/<name>}): their fields and limits, their image inputs (URL,
 * or base64 where the docs take it), their PNG outputs sized as each page says, caption's words, processing answers
 * fetched on the editing fetch; the editing base64_to_url; Flux Kontext on {@code /api/v6/images/img2img}.
 */
class ImageEditingTest extends EmulatorTestSupport {

    static final String EDITING = "/api/v6/image_editing/";

    @Test
    void removeBackgroundTakesAUrlOrBase64AndKeepsTheInputsSize() throws IOException {
        String input = image("a cat on a sofa", 40, 32);
        ApiClient.Reply reply = edit("removebg_mask", "image", input, "seed", 12345, "post_process_mask", false,
                "only_mask", true, "alpha_matting", false, "webhook", null, "track_id", null);
        assertEquals("success", reply.json().get("status"), reply.text());
        List<String> output = reply.list("output");
        assertEquals(output, reply.list("proxy_links"));
        assertSize(40, 32, output.get(0));
        Map<String, Object> meta = reply.map("meta");
        assertEquals("1", meta.get("only_mask"), "flags echoed as \"1\"/\"0\", as the page shows: " + meta);
        assertEquals("0", meta.get("alpha_matting"));

        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(api.get(input).bytes());
        ApiClient.Reply fromBase64 = edit("removebg_mask", "image", dataUri);
        assertEquals("success", fromBase64.json().get("status"), "base64, no base64 flag: " + fromBase64.text());
        assertSize(40, 32, fromBase64.list("output").get(0));

        ApiClient.Reply asBase64 = edit("removebg_mask", "image", input, "base64", true);
        byte[] png = Base64.getDecoder().decode(asBase64.list("output").get(0));
        assertEquals(40, ImageIO.read(new ByteArrayInputStream(png)).getWidth(), "base64 asks for a base64 answer");

        assertInvalid(edit("removebg_mask", "image", input, "alpha_matting_foreground_threshold", 241,
                "alpha_matting_erode_size", 6, "only_mask", "maybe"),
                "only_mask must be true or false; alpha_matting_foreground_threshold must be between 0 and 240; "
                        + "alpha_matting_erode_size must be between 0 and 5");
        assertInvalid(edit("removebg_mask"), "image is required");
    }

    @Test
    void outpaintIs1280By720ByDefaultWithinItsLimits() throws IOException {
        String input = image("a majestic cat house", 64, 64);
        ApiClient.Reply byDefault = edit("outpaint", "image", input);
        assertEquals("success", byDefault.json().get("status"), byDefault.text());
        assertSize(1280, 720, byDefault.list("output").get(0));

        // the page's example
        ApiClient.Reply example = edit("outpaint", "seed", 12345, "width", 512, "height", 512, "prompt",
                "a majestic cat house, lush greenery", "image", input, "negative_prompt", "dull background",
                "overlap_width", 32, "num_inference_steps", 15, "guidance_scale", 8.0, "temp", true, "base64", false,
                "webhook", null, "track_id", null);
        assertEquals("success", example.json().get("status"), example.text());
        assertSize(512, 512, example.list("output").get(0));
        assertEquals("success", edit("outpaint", "image", input, "width", "1440", "height", 1440,
                "overlap_width", 42, "num_inference_steps", 30).json().get("status"), "the limits themselves");

        assertInvalid(edit("outpaint", "image", input, "width", 1441, "height", "1441", "overlap_width", 43,
                "num_inference_steps", 31), "width must be between 1 and 1440; height must be between 1 and 1440; "
                        + "overlap_width must be between 0 and 42; num_inference_steps must be between 1 and 30");
        assertInvalid(edit("outpaint", "width", 512), "image is required");
        assertInvalid(edit("outpaint", "image", "not a url"), "image must be a valid URL");
    }

    @Test
    void objectRemovalAndMaskCreator() throws IOException {
        String input = image("a ball on grass", 48, 40);
        String mask = image("a mask", 48, 40);
        ApiClient.Reply removed = edit("object_removal", "init_image", input, "mask_image", mask, "track_id", null,
                "webhook", null);
        assertEquals("success", removed.json().get("status"), removed.text());
        assertSize(48, 40, removed.list("output").get(0));
        assertInvalid(edit("object_removal", "init_image", input), "mask_image is required");

        // mask_creator's OpenAPI has only specific_object; its example also sends init_image
        ApiClient.Reply withImage = edit("mask_creator", "init_image", input, "specific_object", "the ball");
        assertEquals("success", withImage.json().get("status"), withImage.text());
        assertSize(48, 40, withImage.list("output").get(0));
        ApiClient.Reply withoutImage = edit("mask_creator", "specific_object", "the ball");
        assertSize(512, 512, withoutImage.list("output").get(0));
        assertInvalid(edit("mask_creator", "init_image", input), "specific_object is required");
    }

    @Test
    void captionAnswersWordsNotAnImage() throws Exception {
        String fox = image("a red fox", 48, 32);
        ApiClient.Reply reply = edit("caption", "init_image", fox, "length", "long", "base64", false,
                "webhook", null, "track_id", null);
        assertEquals("success", reply.json().get("status"), reply.text());
        assertEquals(List.of("a picture of a red fox, 48x32 pixels, a PNG file"), reply.list("output"));
        assertEquals(List.of(), reply.list("proxy_links"), "no file behind it");
        assertEquals(List.of("a picture of a red fox"), edit("caption", "init_image", fox).list("output"),
                "normal by default");
        assertEquals(List.of("a red fox"), edit("caption", "init_image", fox, "length", "short").list("output"));

        String upload = (String) api.post("/api/v3/base64_crop", body("image", Base64.getEncoder()
                .encodeToString(api.get(fox).bytes()))).json().get("link");
        assertEquals(List.of("a picture of an image"), edit("caption", "init_image", upload).list("output"),
                "an image the emulator did not draw");
        assertInvalid(edit("caption", "init_image", fox, "length", "huge"), "length is invalid");

        emulator.setProcessingTime(Duration.ofMinutes(1));
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            ApiClient.Reply queued = edit("caption", "init_image", fox, "length", "short", "webhook", hooks.url(),
                    "track_id", 9);
            assertEquals("processing", queued.json().get("status"), queued.text());
            assertEquals(List.of(), queued.list("future_links"), "no file to announce");
            Object id = queued.json().get("id");
            assertEquals(emulator.baseUrl() + EDITING + "fetch/" + id, queued.json().get("fetch_result"));
            assertEquals(1, emulator.completeQueuedJobs());
            ApiClient.Reply fetched = api.post(EDITING + "fetch/" + id, body());
            assertEquals(List.of("a red fox"), fetched.list("output"), fetched.text());
            Map<String, Object> hook = hooks.take(Duration.ofSeconds(5));
            assertEquals(List.of("a red fox"), hook.get("output"));
            assertEquals(9, hook.get("track_id"));
        }
    }

    @Test
    void faceGenHeadShotAndFluxHeadshot() throws IOException {
        String face = image("a face", 64, 80);
        String base64Face = "data:image/png;base64," + Base64.getEncoder().encodeToString(api.get(face).bytes());
        // face_gen's example, the face as base64 without the base64 flag ("link or valid base64 data")
        ApiClient.Reply faceGen = edit("face_gen", "prompt", "pretty woman", "negative_prompt", "anime, cartoon",
                "face_image", base64Face, "width", "512", "height", "512", "samples", "2", "num_inference_steps", "21",
                "safety_checker", false, "base64", false, "seed", null, "guidance_scale", 7.5, "style", "anime",
                "webhook", null, "track_id", null);
        assertEquals("success", faceGen.json().get("status"), faceGen.text());
        assertEquals(2, faceGen.list("output").size());
        assertSize(512, 512, faceGen.list("output").get(1));
        assertSize(256, 80, edit("face_gen", "prompt", "p", "face_image", face, "width", 256).list("output").get(0),
                "a side not given is the face image's");
        assertInvalid(edit("face_gen", "prompt", "p", "face_image", face, "width", 513, "height", 769,
                "num_inference_steps", 25, "samples", 3, "style", "pixar"), "width must be between 1 and 512; "
                        + "height must be between 1 and 768; num_inference_steps is invalid; samples must be between 1 "
                        + "and 2; style is invalid");
        assertInvalid(edit("face_gen", "face_image", face), "prompt is required");

        // head_shot's example sends guidance_scale 7.5 though the page says at most 5: taken
        ApiClient.Reply headShot = edit("head_shot", "prompt", "pretty woman", "face_image", face, "width", "512",
                "height", "512", "samples", "1", "num_inference_steps", "21", "safety_checker", false, "base64", false,
                "seed", null, "guidance_scale", 7.5);
        assertEquals("success", headShot.json().get("status"), headShot.text());
        assertInvalid(edit("head_shot", "prompt", "p", "face_image", face, "num_inference_steps", 30),
                "num_inference_steps is invalid");

        // flux_headshot's OpenAPI requires a seed its example sends as null
        ApiClient.Reply flux = edit("flux_headshot", "prompt", "pretty woman", "face_image", face, "width", "1024",
                "height", "1024", "num_inference_steps", "21", "seed", null, "guidance_scale", 7.5);
        assertEquals("success", flux.json().get("status"), flux.text());
        assertSize(1024, 1024, flux.list("output").get(0));
        assertInvalid(edit("flux_headshot", "prompt", "p", "face_image", face, "num_inference_steps", 27,
                "guidance_scale", 10.5), "num_inference_steps must be between 1 and 26; guidance_scale must be "
                        + "between 1 and 10");
    }

    @Test
    void fashionNeedsItsClothType() throws IOException {
        String model = image("a model", 56, 72);
        String cloth = image("a t-shirt", 32, 32);
        ApiClient.Reply reply = edit("fashion", "prompt", "A realistic photo of a model wearing a t-shirt",
                "negative_prompt", "Low quality", "init_image", model, "cloth_image", cloth, "cloth_type",
                "upper_body", "guidance_scale", 7.5, "num_inference_steps", 21, "seed", null, "temp", "no",
                "webhook", null, "track_id", null);
        assertEquals("success", reply.json().get("status"), reply.text());
        assertSize(56, 72, reply.list("output").get(0));
        assertInvalid(edit("fashion", "init_image", model, "cloth_image", cloth), "cloth_type is required");
        assertInvalid(edit("fashion", "init_image", model, "cloth_image", cloth, "cloth_type", "hat"),
                "cloth_type is invalid");
        assertInvalid(edit("fashion", "init_image", model, "cloth_type", "dresses"), "cloth_image is required");
    }

    @Test
    void imageMixerTakesUpToFourImages() throws IOException {
        String rose = image("red roses", 40, 40);
        String boy = image("a boy", 40, 40);
        ApiClient.Reply reply = edit("img_mixer", "seed", 12345, "init_image", List.of(rose, boy), "prompt",
                "rose man", "negative_prompt", "A polluted city", "width", 800, "height", 600, "guidance_scale", 10,
                "steps", 41, "samples", 1);
        assertEquals("success", reply.json().get("status"), reply.text());
        assertSize(800, 600, reply.list("output").get(0));
        int downloads = emulator.downloadCount();
        assertSize(40, 40, edit("img_mixer", "prompt", "p", "init_image", List.of(rose, boy)).list("output").get(0));
        assertEquals(downloads + 3, emulator.downloadCount(), "both inputs downloaded (and the output)");

        assertInvalid(edit("img_mixer", "prompt", "p", "init_image", List.of(rose, rose, rose, rose, rose)),
                "init_image may not have more than 4 items");
        assertInvalid(edit("img_mixer", "prompt", "p", "init_image", rose), "init_image must be an array");
        assertInvalid(edit("img_mixer", "prompt", "p", "init_image", List.of(rose, "nope"), "samples", 2,
                "steps", 51), "steps must be between 1 and 50; samples must be between 1 and 1; "
                        + "init_image.1 must be a valid URL");
    }

    @Test
    void inpaintAndItsInstantResponse() throws IOException {
        String input = image("a bench", 64, 64);
        String mask = image("a mask", 64, 64);
        // the page's example
        ApiClient.Reply reply = edit("inpaint", "prompt", "a cat sitting on a bench", "negative_prompt", null,
                "init_image", input, "mask_image", mask, "width", "512", "height", "512", "samples", 1,
                "num_inference_steps", "30", "safety_checker", "no", "enhance_prompt", "yes", "guidance_scale", 5,
                "strength", 0.7, "base64", false, "seed", null, "webhook", null, "track_id", null);
        assertEquals("success", reply.json().get("status"), reply.text());
        assertSize(512, 512, reply.list("output").get(0));
        assertSize(512, 512, edit("inpaint", "prompt", "p", "init_image", input, "mask_image", mask).list("output")
                .get(0), "512 x 512 by default");

        ApiClient.Reply instant = edit("inpaint", "prompt", "p2", "init_image", input, "mask_image", mask,
                "instant_response", "true");
        assertEquals("processing", instant.json().get("status"), instant.text());
        assertEquals("", instant.json().get("proxy_links"), "the editing pages' processing proxy_links");
        ApiClient.Reply fetched = api.post(EDITING + "fetch/" + instant.json().get("id"), body());
        assertEquals(instant.list("future_links"), fetched.list("output"), fetched.text());

        assertInvalid(edit("inpaint", "prompt", "p", "init_image", input, "mask_image", mask, "guidance_scale", 6,
                "strength", 1.5), "guidance_scale must be between 1 and 5; strength must be between 0 and 1");
        assertInvalid(edit("inpaint", "init_image", input), "prompt is required; mask_image is required");
    }

    @Test
    void qwenEditTakesOneImageOrSeveralAndItsTwoModels() throws IOException {
        String girl = image("a girl", 48, 64);
        String can = image("a can", 32, 32);
        ApiClient.Reply list = edit("qwen_edit", "prompt", "The girl holding a can from image 2", "init_image",
                List.of(girl, can), "safety_checker", true, "model_id", "qwen-edit-2509", "base64", false,
                "webhook", null, "track_id", null);
        assertEquals("success", list.json().get("status"), list.text());
        assertSize(48, 64, list.list("output").get(0));
        ApiClient.Reply one = edit("qwen_edit", "prompt", "p", "init_image", girl, "model_id", "qwen-edit-2511");
        assertEquals("qwen-edit-2511", one.map("meta").get("model"), one.text());
        assertEquals("qwen-edit-2509", edit("qwen_edit", "prompt", "p", "init_image", girl).map("meta")
                .get("model"), "the default model");

        ApiClient.Reply unknown = edit("qwen_edit", "prompt", "p", "init_image", girl, "model_id", "qwen-edit-9");
        assertEquals(Map.of("status", "error", "message", "Model not found: qwen-edit-9"), unknown.json());
        assertInvalid(edit("qwen_edit", "prompt", "p", "init_image", List.of(girl, girl, girl, girl, girl)),
                "init_image may not have more than 4 items");
    }

    @Test
    void aQueuedEditIsFetchedOnTheEditingFetch() {
        String input = image("queued input", 32, 32);
        emulator.setProcessingTime(Duration.ofMinutes(1));
        ApiClient.Reply queued = edit("removebg_mask", "image", input);
        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"), queued.text());
        assertEquals("Try to fetch request after given estimated time", json.get("message"));
        assertEquals(List.of(), json.get("output"));
        assertEquals("", json.get("proxy_links"));
        assertEquals(1, queued.list("future_links").size());
        String fetchPath = EDITING + "fetch/" + json.get("id");
        assertEquals(emulator.baseUrl() + fetchPath, json.get("fetch_result"));

        Map<String, Object> bare = api.post(fetchPath, body()).json();
        assertEquals(List.of("status", "message", "output", "tip"), List.copyOf(bare.keySet()), bare.toString());
        assertEquals(1, emulator.completeQueuedJobs());
        ApiClient.Reply done = api.post(fetchPath, body());
        assertEquals("success", done.json().get("status"), done.text());
        assertEquals(queued.list("future_links"), done.list("output"));
        assertEquals(200, api.get(done.list("output").get(0)).status());
    }

    @Test
    void anUnreachableInputAndABadKey() {
        ApiClient.Reply unreachable = edit("object_removal", "init_image", emulator.baseUrl() + "/generations/x-0.png",
                "mask_image", image("m", 8, 8));
        assertEquals(Map.of("status", "error", "message", "Unable to fetch image from provided URL"),
                unreachable.json());
        ApiClient.Reply badKey = api.post(EDITING + "outpaint", Map.of("key", "wrong"));
        assertEquals(401, badKey.status());
    }

    @Test
    void theEditingBase64ToUrlTakesInitImageUpTo5Mb() {
        byte[] png = api.get(image("an upload", 16, 16)).bytes();
        ApiClient.Reply reply = api.post(EDITING + "base64_to_url", body("init_image", "data:image/png;base64, "
                + Base64.getEncoder().encodeToString(png)));
        assertEquals(200, reply.status(), reply.text());
        assertEquals(List.of("status", "id", "output"), List.copyOf(reply.json().keySet()));
        assertArrayEquals(png, api.get(reply.list("output").get(0)).bytes());
        assertInvalid(api.post(EDITING + "base64_to_url", body("base64_string", "x")), "init_image is required");

        byte[] tooBig = new byte[RequestRules.MAX_UPLOAD_BYTES + 1];
        System.arraycopy(png, 0, tooBig, 0, png.length); // a PNG's magic number, then zeros
        assertInvalid(api.post(EDITING + "base64_to_url", body("init_image", Base64.getEncoder()
                .encodeToString(tooBig))), "init_image may not be greater than 5120 kilobytes");
    }

    @Test
    void fluxKontextOnTheV6Img2imgPath() {
        String first = image("a room", 32, 32);
        String second = image("a lamp", 32, 32);
        ApiClient.Reply reply = api.post("/api/v6/images/img2img", body("model_id", "flux-kontext-dev", "prompt",
                "the lamp of image 2 in the room", "init_image", first, "init_image_2", second, "num_inference_steps",
                "28", "strength", "0.5", "guidance", "2.5", "enhance_prompt", null, "width", 512, "height", 512,
                "samples", 1, "seed", null, "base64", false, "temp", false));
        assertEquals("success", reply.json().get("status"), reply.text());
        assertEquals("flux-kontext-dev", reply.map("meta").get("model"));
        assertEquals("2.5", reply.map("meta").get("guidance"));
        ApiClient.Reply invalid = api.post("/api/v6/images/img2img", body("model_id", "flux-kontext-dev", "prompt",
                "p", "init_image", first, "guidance", 21, "init_image_2", "nope"));
        assertEquals(Map.of("status", "error", "message", "The guidance must be between 0 and 20. "
                + "The init image 2 must be a valid URL."), invalid.json());
    }

    @Test
    void editingOutputsAreRealPngsDrawnFromTheirInputs() throws IOException {
        String input = image("a picture", 24, 24);
        String first = edit("object_removal", "init_image", input, "mask_image", input).list("output").get(0);
        String again = edit("object_removal", "init_image", input, "mask_image", input, "track_id", 1)
                .list("output").get(0);
        assertFalse(first.equals(again), "each job its own file");
        BufferedImage picture = read(first);
        assertNotNull(picture);
        assertTrue(picture.getWidth() == 24 && picture.getHeight() == 24);
    }

    private ApiClient.Reply edit(String tool, Object... pairs) {
        return api.post(EDITING + tool, body(pairs));
    }

    /** The URL of a generated PNG of this size. */
    private String image(String prompt, int width, int height) {
        return api.post("/api/v3/text2img", body("prompt", prompt, "width", width, "height", height)).list("output")
                .get(0);
    }

    private BufferedImage read(String url) throws IOException {
        ApiClient.Reply png = api.get(url);
        assertEquals(200, png.status(), url);
        assertEquals("image/png", png.contentType());
        return ImageIO.read(new ByteArrayInputStream(png.bytes()));
    }

    private void assertSize(int width, int height, String url) throws IOException {
        assertSize(width, height, url, url);
    }

    private void assertSize(int width, int height, String url, String message) throws IOException {
        BufferedImage image = read(url);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), message);
    }

    private static void assertInvalid(ApiClient.Reply reply, String message) {
        assertEquals(400, reply.status(), reply.text());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", "error");
        expected.put("message", message);
        assertEquals(expected, reply.json());
    }
}

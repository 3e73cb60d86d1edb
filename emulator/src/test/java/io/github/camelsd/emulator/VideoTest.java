package io.github.camelsd.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text to video on its three paths (V5, V4 Dreambooth, v6), and the GIF and MP4 files behind the links. */
class VideoTest extends EmulatorTestSupport {

    @Test
    void v6IsAnAnimatedGifByDefault() throws IOException {
        ApiClient.Reply reply = api.post("/api/v6/video/text2video", body("model_id", "cogvideox",
                "prompt", "a sailing boat", "width", 512, "height", 256, "num_frames", "16", "fps", 8,
                "guidance_scale", 7, "upscale_guidance_scale", 12, "use_improved_sampling", false, "temp", "no",
                "negative_prompt", null, "track_id", null));

        assertEquals(200, reply.status());
        Map<String, Object> json = reply.json();
        assertEquals("success", json.get("status"), reply.text());
        List<String> output = reply.list("output");
        assertEquals(1, output.size());
        assertTrue(output.get(0).endsWith(".gif"), output.get(0));
        assertEquals(output, reply.list("proxy_links"));
        assertEquals("gif", reply.map("meta").get("output_type"));
        assertEquals("cogvideox", reply.map("meta").get("model"));

        ApiClient.Reply gif = api.get(output.get(0));
        assertEquals(200, gif.status());
        assertEquals("image/gif", gif.contentType());
        assertEquals("GIF89a", new String(gif.bytes(), 0, 6, StandardCharsets.US_ASCII));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.bytes()))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            assertTrue(frames > 1, "an animation: " + frames + " frames");
            BufferedImage first = reader.read(0);
            assertEquals(128, first.getWidth(), "512x256 rendered at most 128 wide");
            assertEquals(64, first.getHeight());
            assertFalse(Arrays.equals(pixels(first), pixels(reader.read(frames - 1))), "the frames differ");
        }
        assertTrue(gif.bytes().length < 64 * 1024, "small: " + gif.bytes().length + " bytes");
    }

    @Test
    void v6Mp4IsARealIsoBmffFile() {
        ApiClient.Reply reply = api.post("/api/v6/video/text2video", body("model_id", "wanx", "prompt", "rain",
                "output_type", "mp4"));

        String url = reply.list("output").get(0);
        assertTrue(url.endsWith(".mp4"), url);
        ApiClient.Reply mp4 = api.get(url);
        assertEquals(200, mp4.status());
        assertEquals("video/mp4", mp4.contentType());
        byte[] bytes = mp4.bytes();
        assertEquals("ftyp", new String(bytes, 4, 4, StandardCharsets.US_ASCII), "the first box is ftyp");
        int ftypSize = (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
        assertEquals("moov", new String(bytes, ftypSize + 4, 4, StandardCharsets.US_ASCII), "then moov");
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("mdat"), "and the media data");
        assertTrue(bytes.length < 16 * 1024, "small: " + bytes.length + " bytes");
        assertEquals(404, api.get(url.replace(".mp4", ".gif")).status(), "only in the format it was announced in");
    }

    @Test
    void v6ValidationIsAShortPlainMessageWith400() {
        ApiClient.Reply badType = api.post("/api/v6/video/text2video", body("model_id", "cogvideox",
                "prompt", "a", "output_type", "webm"));
        assertEquals(400, badType.status());
        assertEquals(Map.of("status", "error", "message", "output_type is invalid"), badType.json());

        ApiClient.Reply several = api.post("/api/v6/video/text2video", body("model_id", "cogvideox",
                "width", 640, "num_frames", 26, "guidance_scale", 9, "fps", "17"));
        assertEquals(400, several.status());
        assertEquals("prompt is required; width may not be greater than 512; num_frames must be between 1 and 25;"
                     + " guidance_scale must be between 0 and 8; fps must be between 1 and 16",
                several.json().get("message"));

        assertEquals(401, api.post("/api/v6/video/text2video", Map.of("key", "wrong", "prompt", "a")).status());
    }

    @Test
    void v6VideoModelsAreItsOwn() {
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v6/video/text2video", body("prompt", "a")).json());
        assertEquals(Map.of("status", "error", "message", "Model not found: sdxl"),
                api.post("/api/v6/video/text2video", body("model_id", "sdxl", "prompt", "a")).json());
    }

    @Test
    void instantResponseAnswersProcessingWithFutureLinksThenTheV6FetchHasThem() {
        ApiClient.Reply queued = api.post("/api/v6/video/text2video", body("model_id", "cogvideox",
                "prompt", "a fox running", "instant_response", true));

        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"), queued.text());
        assertEquals("Try to fetch request after given estimated time", json.get("message"));
        assertFalse(json.containsKey("messege"), "v6 spells message");
        assertEquals(List.of(), json.get("output"));
        Object id = json.get("id");
        assertEquals(emulator.baseUrl() + "/api/v6/video/fetch/" + id, json.get("fetch_result"));
        List<String> futureLinks = queued.list("future_links");

        ApiClient.Reply fetched = api.post("/api/v6/video/fetch/" + id, body());
        assertEquals("success", fetched.json().get("status"), fetched.text());
        assertEquals(futureLinks, fetched.list("output"));
        assertEquals(200, api.get(futureLinks.get(0)).status());
    }

    @Test
    void aQueuedV6VideoIsFetchedInTheFullV6ProcessingForm() {
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v6/video/text2video", body("model_id", "wanx", "prompt", "slow"));
        Object id = queued.json().get("id");

        ApiClient.Reply stillQueued = api.post("/api/v6/video/fetch/" + id, body());
        Map<String, Object> json = stillQueued.json();
        assertEquals("processing", json.get("status"), stillQueued.text());
        assertTrue(((Number) json.get("eta")).doubleValue() > 0, "an eta: " + json.get("eta"));
        assertTrue(json.containsKey("message") && !json.containsKey("messege"), "v6 spelling: " + json.keySet());
        assertEquals(queued.list("future_links"), stillQueued.list("future_links"));

        assertEquals(1, emulator.completeQueuedJobs());
        ApiClient.Reply done = api.post("/api/v6/video/fetch/" + id, body());
        assertEquals("success", done.json().get("status"), done.text());
        assertEquals(queued.list("future_links"), done.list("output"));
        ApiClient.Reply unknown = api.post("/api/v6/video/fetch/1", body());
        assertEquals(404, unknown.status());
    }

    @Test
    void v5TextToVideoIsAnMp4AndItsProcessingAnswerPointsAtTheV3Fetch() {
        ApiClient.Reply atOnce = api.post("/api/v5/text2video", body("prompt", "waves", "negative_prompt", "",
                "scheduler", "UniPCMultistepScheduler", "seconds", "3"));
        assertEquals("success", atOnce.json().get("status"), atOnce.text());
        assertTrue(atOnce.list("output").get(0).endsWith(".mp4"), atOnce.text());
        assertEquals("video/mp4", api.get(atOnce.list("output").get(0)).contentType());

        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v5/text2video", body("prompt", "waves", "seconds", 2));
        Map<String, Object> json = queued.json();
        Object id = json.get("id");
        assertEquals("Try to fetch request after given estimated time", json.get("messege"), queued.text());
        assertEquals("", json.get("output"), "the 2023 processing body's output is an empty string");
        assertEquals(emulator.baseUrl() + "/api/v3/fetch/" + id, json.get("fetch_result"));

        emulator.completeQueuedJobs();
        ApiClient.Reply fetched = api.post("/api/v3/fetch/" + id, body());
        assertEquals("success", fetched.json().get("status"), fetched.text());
        assertEquals(queued.list("future_links"), fetched.list("output"));

        assertEquals(Map.of("prompt", List.of("The prompt field is required.")),
                api.post("/api/v5/text2video", body("seconds", 2)).map("message"));
        assertEquals(Map.of("seconds", List.of("The seconds must be an integer.")),
                api.post("/api/v5/text2video", body("prompt", "a", "seconds", "long")).map("message"));
    }

    @Test
    void v4DreamboothTextToVideoPointsAtTheV3DreamboothFetchAndIsFoundThereAndOnV4() {
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v4/dreambooth/text2video", body("prompt", "a")).json());

        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply queued = api.post("/api/v4/dreambooth/text2video", body("model_id", "midjourney",
                "prompt", "a dancer", "width", "512", "height", "512", "num_inference_steps", "21",
                "enhance_prompt", "yes", "guidance_scale", 7.5, "strength", 0.7, "seed", null, "webhook", null));
        Map<String, Object> json = queued.json();
        assertEquals("processing", json.get("status"), queued.text());
        Object id = json.get("id");
        assertEquals(emulator.baseUrl() + "/api/v3/dreambooth/fetch/" + id, json.get("fetch_result"));
        assertEquals("", json.get("output"));

        Map<String, Object> bare = api.post("/api/v3/dreambooth/fetch/" + id, body()).json();
        assertEquals(List.of("status", "messege", "output", "tip"), List.copyOf(bare.keySet()), "bare: " + bare);
        assertEquals("processing", bare.get("status"));
        assertEquals("try again later.", bare.get("messege"));
        assertEquals("", bare.get("output"));

        emulator.completeQueuedJobs();
        ApiClient.Reply viaOld = api.post("/api/v3/dreambooth/fetch/" + id, body());
        ApiClient.Reply viaV4 = api.post("/api/v4/dreambooth/fetch", body("request_id", String.valueOf(id)));
        assertEquals("success", viaOld.json().get("status"), viaOld.text());
        assertEquals(viaOld.list("output"), viaV4.list("output"));
        assertTrue(viaOld.list("output").get(0).endsWith(".mp4"));
        assertEquals("midjourney", viaOld.map("meta").get("model"));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

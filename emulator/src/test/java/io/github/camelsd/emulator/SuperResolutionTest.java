package io.github.camelsd.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Super resolution: V3 ({@code url} in, one URL string out) and v6 image editing ({@code init_image}, a list). */
class SuperResolutionTest extends EmulatorTestSupport {

    @Test
    void v3AnswersOneUrlStringOfTheInputScaled() throws IOException {
        String input = image(64, 48);
        ApiClient.Reply reply = api.post("/api/v3/super_resolution", body("url", input, "scale", "2",
                "face_enhance", false, "webhook", null));

        assertEquals(200, reply.status());
        Map<String, Object> json = reply.json();
        assertEquals("success", json.get("status"), reply.text());
        assertTrue(json.get("output") instanceof String, "output is one URL string: " + json.get("output"));
        assertFalse(json.containsKey("proxy_links"));
        assertEquals("realesr-general-x4v3", reply.map("meta").get("model_id"), "the default upscaler");
        assertSize(128, 96, (String) json.get("output"));

        ApiClient.Reply byModel = api.post("/api/v3/super_resolution", body("url", input, "model_id",
                "RealESRGAN_x4plus_anime_6B"));
        assertSize(256, 192, (String) byModel.json().get("output"));
        assertEquals(4, byModel.map("meta").get("scale"), "V3 documents no default; 4, as the default upscaler");
    }

    @Test
    void v6TakesInitImageAndAnswersAListWithScale3ByDefault() throws IOException {
        ApiClient.Reply reply = api.post("/api/v6/image_editing/super_resolution", body("init_image", image(40, 32),
                "model_id", "RealESRGAN_x2plus", "face_enhance", true, "track_id", 5));

        assertEquals("success", reply.json().get("status"), reply.text());
        List<String> output = reply.list("output");
        assertEquals(1, output.size());
        assertEquals(output, reply.list("proxy_links"));
        assertSize(120, 96, output.get(0));
    }

    @Test
    void aLargeResultIsCappedKeepingItsAspectRatio() throws IOException {
        ApiClient.Reply reply = api.post("/api/v6/image_editing/super_resolution", body("init_image", image(1024, 8),
                "scale", 4));
        assertSize(2048, 16, reply.list("output").get(0));
    }

    @Test
    void queuedJobsAreFetchedOnTheirFamilysFetch() {
        String input = image(32, 32);
        emulator.setProcessingTime(Duration.ofSeconds(30));
        ApiClient.Reply v3 = api.post("/api/v3/super_resolution", body("url", input));
        Map<String, Object> queued = v3.json();
        assertEquals("processing", queued.get("status"), v3.text());
        assertEquals("", queued.get("output"));
        assertTrue(queued.containsKey("messege"), "V3 era spelling: " + queued.keySet());
        Object v3Id = queued.get("id");
        assertEquals(emulator.baseUrl() + "/api/v3/fetch/" + v3Id, queued.get("fetch_result"));

        ApiClient.Reply v6 = api.post("/api/v6/image_editing/super_resolution", body("init_image", input));
        Object v6Id = v6.json().get("id");
        assertEquals(emulator.baseUrl() + "/api/v6/image_editing/fetch/" + v6Id, v6.json().get("fetch_result"));
        assertEquals(List.of(), v6.json().get("output"));
        Map<String, Object> bare = api.post("/api/v6/image_editing/fetch/" + v6Id, body()).json();
        assertEquals(List.of("status", "message", "output", "tip"), List.copyOf(bare.keySet()),
                "the editing fetch's bare processing form: " + bare);
        assertEquals("", bare.get("output"));

        assertEquals(2, emulator.completeQueuedJobs());
        ApiClient.Reply v3Done = api.post("/api/v3/fetch/" + v3Id, body());
        assertEquals(v3.list("future_links").get(0), v3Done.json().get("output"), "still one string: " + v3Done.text());
        ApiClient.Reply v6Done = api.post("/api/v6/image_editing/fetch/" + v6Id, body());
        assertEquals(v6.list("future_links"), v6Done.list("output"));
        assertEquals(404, api.post("/api/v6/image_editing/fetch/1", body()).status());
    }

    @Test
    void validationAndModelErrors() {
        ApiClient.Reply noUrl = api.post("/api/v3/super_resolution", body("scale", 2));
        assertEquals(200, noUrl.status());
        assertEquals(Map.of("url", List.of("The url field is required.")), noUrl.map("message"));

        ApiClient.Reply v6 = api.post("/api/v6/image_editing/super_resolution", body("url",
                "https://example.com/in.png", "scale", 5));
        assertEquals(400, v6.status());
        assertEquals(Map.of("status", "error", "message", "scale must be between 1 and 4; init_image is required"),
                v6.json(), "v6 takes init_image, not url");

        String input = "https://example.com/in.png"; // never downloaded: the model is checked first
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v3/super_resolution", body("url", input, "model_id", "sdxl")).json());
        assertEquals(Map.of("status", "error", "message", "Model not found: sdxl"),
                api.post("/api/v6/image_editing/super_resolution", body("init_image", input, "model_id", "sdxl"))
                        .json());
    }

    @Test
    void jpegAndWebpInputsAreMeasuredFromTheirHeaders() throws IOException {
        BufferedImage picture = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", jpeg);
        assertSize(60, 40, (String) api.post("/api/v3/super_resolution", body("url", upload(jpeg.toByteArray()),
                "scale", 2)).json().get("output"));

        // a WebP header with a VP8X chunk (extended format) of 50x24: enough to be measured, no need to be drawn
        ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        webp.put((byte) 49).put((byte) 0).put((byte) 0).put((byte) 23).put((byte) 0).put((byte) 0);
        assertSize(150, 72, (String) api.post("/api/v3/super_resolution", body("url", upload(webp.array()),
                "scale", 3)).json().get("output"));
    }

    /** Hosts {@code image} on the emulator (V3 base64_crop) and answers its URL. */
    private String upload(byte[] image) {
        ApiClient.Reply reply = api.post("/api/v3/base64_crop", body("image",
                Base64.getEncoder().encodeToString(image), "crop", "false"));
        assertEquals("success", reply.json().get("status"), reply.text());
        return (String) reply.json().get("link");
    }

    /** The URL of a generated PNG of this size. */
    private String image(int width, int height) {
        return api.post("/api/v3/text2img", body("prompt", "input " + width + "x" + height, "width", width,
                "height", height)).list("output").get(0);
    }

    private void assertSize(int width, int height, String url) throws IOException {
        ApiClient.Reply png = api.get(url);
        assertEquals(200, png.status(), url);
        assertEquals("image/png", png.contentType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), url);
    }
}

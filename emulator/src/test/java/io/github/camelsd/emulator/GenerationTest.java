package io.github.camelsd.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation requests that succeed at once, their bodies on both path families, and the images behind them. */
class GenerationTest extends EmulatorTestSupport {

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.knownModels(Set.of("sdxl"));
    }

    @Test
    void v3SuccessBody() {
        ApiClient.Reply reply = api.post("/api/v3/text2img",
                body("prompt", "a red fox", "negative_prompt", "blurry", "width", 256, "height", 128, "samples", 2,
                        "seed", 42, "num_inference_steps", 25, "guidance_scale", 8.5));

        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        Map<String, Object> json = reply.json();
        assertEquals("success", json.get("status"));
        assertTrue(json.get("generationTime") instanceof Double, "generationTime is a float");
        assertTrue(((Number) json.get("id")).longValue() > 10_000_000L);
        assertEquals(false, json.get("nsfw_content_detected"));
        assertFalse(json.containsKey("proxy_links"), "V3 has no proxy links");
        Map<String, Object> meta = reply.map("meta");
        String prefix = (String) meta.get("file_prefix");
        assertEquals(List.of(emulator.baseUrl() + "/generations/" + prefix + "-0.png",
                emulator.baseUrl() + "/generations/" + prefix + "-1.png"), reply.list("output"));
        assertEquals(Map.ofEntries(Map.entry("H", 128), Map.entry("W", 256), Map.entry("seed", 42),
                Map.entry("steps", 25), Map.entry("guidance_scale", 8.5), Map.entry("n_samples", 2),
                Map.entry("prompt", "a red fox"), Map.entry("negative_prompt", "blurry"),
                Map.entry("model", "runwayml/stable-diffusion-v1-5"), Map.entry("safety_checker", "yes"),
                Map.entry("file_prefix", prefix)), meta);
    }

    @Test
    void v6SuccessBodyAddsProxyLinksAndHasTheSafetyCheckerOff() {
        ApiClient.Reply reply = api.post("/api/v6/realtime/text2img", body("prompt", "a red fox"));

        assertEquals(200, reply.status());
        assertEquals("success", reply.json().get("status"));
        assertEquals(reply.list("output"), reply.list("proxy_links"));
        assertEquals(1, reply.list("output").size());
        Map<String, Object> meta = reply.map("meta");
        assertEquals("no", meta.get("safety_checker"));
        assertEquals(512, meta.get("W"));
        assertEquals(512, meta.get("H"));
        assertEquals(20, meta.get("steps"));
    }

    @Test
    void numbersAsStringsFlagsAsYesNoAndExplicitNullsAreAccepted() {
        ApiClient.Reply reply = api.post("/api/v3/text2img", body("prompt", "a castle", "width", "320",
                "height", "256", "samples", "2", "seed", "7", "guidance_scale", "9.5", "safety_checker", "no",
                "enhance_prompt", "yes", "webhook", null, "track_id", null, "negative_prompt", null,
                "some_future_field", List.of(1, 2)));

        assertEquals("success", reply.json().get("status"), reply.text());
        Map<String, Object> meta = reply.map("meta");
        assertEquals(320, meta.get("W"));
        assertEquals(2, meta.get("n_samples"));
        assertEquals(7, meta.get("seed"));
        assertEquals(9.5, meta.get("guidance_scale"));
        assertEquals("no", meta.get("safety_checker"));
    }

    @Test
    void aMissingNullOrMinusOneSeedIsPickedAtRandomAndReported() {
        for (Object seed : Arrays.asList(null, -1, "-1")) {
            Map<String, Object> body = body("prompt", "random " + seed);
            body.put("seed", seed);
            Number reported = (Number) api.post("/api/v3/text2img", body).map("meta").get("seed");
            assertTrue(reported.longValue() >= 0, "seed " + seed + " became " + reported);
        }
        Number absent = (Number) api.post("/api/v3/text2img", body("prompt", "no seed")).map("meta").get("seed");
        assertTrue(absent.longValue() >= 0);
    }

    @Test
    void anUnknownModelInBothDocumentedForms() {
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v3/text2img", body("prompt", "a", "model_id", "nope")).json());
        assertEquals(Map.of("status", "error", "message", "Model not found: nope"),
                api.post("/api/v6/realtime/text2img", body("prompt", "a", "model_id", "nope")).json());
        assertEquals("sdxl",
                api.post("/api/v3/text2img", body("prompt", "a", "model_id", "sdxl")).map("meta").get("model"));
    }

    @Test
    void aValidPngOfTheRequestedSizeSameBytesForTheSameRequest() throws IOException {
        String first = api.post("/api/v3/text2img", body("prompt", "a lighthouse", "width", 200, "height", 96,
                "seed", 5)).list("output").get(0);
        String again = api.post("/api/v3/text2img", body("prompt", "a lighthouse", "width", 200, "height", 96,
                "seed", 5, "negative_prompt", "not part of the picture")).list("output").get(0);
        String otherSeed = api.post("/api/v3/text2img", body("prompt", "a lighthouse", "width", 200, "height", 96,
                "seed", 6)).list("output").get(0);
        assertNotEquals(first, again, "every job has its own files");

        ApiClient.Reply png = api.get(first);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        byte[] bytes = png.bytes();
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, Arrays.copyOf(bytes, 8));
        ByteBuffer header = ByteBuffer.wrap(bytes);
        assertEquals(13, header.getInt(8), "IHDR length");
        assertEquals("IHDR", new String(bytes, 12, 4, StandardCharsets.US_ASCII));
        assertEquals(200, header.getInt(16), "IHDR width");
        assertEquals(96, header.getInt(20), "IHDR height");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(200, image.getWidth());
        assertEquals(96, image.getHeight());

        assertArrayEquals(bytes, api.get(again).bytes(), "same prompt, seed and size: same bytes");
        assertFalse(Arrays.equals(bytes, api.get(otherSeed).bytes()), "another seed: another image");
        assertEquals(404, api.get(first.replace("-0.png", "-1.png")).status(), "only one sample was asked for");
    }

    @Test
    void unknownImagesAre404AndImageDownloadsAreNotApiRequests() {
        assertEquals(404, api.get(emulator.baseUrl() + "/generations/no-such-image-0.png").status());
        assertEquals(0, emulator.requestCount());
    }

    @Test
    void nsfwPromptsGiveBlackImagesWhenTheSafetyCheckerIsOn() throws IOException {
        ApiClient.Reply checked = api.post("/api/v3/text2img", body("prompt", "a NuDe statue", "width", 64,
                "height", 64, "samples", 2));
        assertEquals(true, checked.json().get("nsfw_content_detected"));
        for (String url : checked.list("output")) {
            assertTrue(uniformBlack(api.get(url).bytes()), url);
        }

        ApiClient.Reply unchecked = api.post("/api/v3/text2img", body("prompt", "a NuDe statue", "width", 64,
                "height", 64, "safety_checker", "no"));
        assertEquals(false, unchecked.json().get("nsfw_content_detected"));
        assertFalse(uniformBlack(api.get(unchecked.list("output").get(0)).bytes()));

        ApiClient.Reply v6Default = api.post("/api/v6/realtime/text2img", body("prompt", "naked", "width", 64,
                "height", 64));
        assertEquals(false, v6Default.json().get("nsfw_content_detected"), "v6: the checker is off by default");
        ApiClient.Reply v6On = api.post("/api/v6/realtime/text2img", body("prompt", "nsfw", "width", 64,
                "height", 64, "safety_checker", true));
        assertTrue(uniformBlack(api.get(v6On.list("output").get(0)).bytes()));
    }

    @Test
    void base64OutputIsThePngItself() throws IOException {
        ApiClient.Reply reply = api.post("/api/v6/realtime/text2img", body("prompt", "a pear", "width", 48,
                "height", 40, "samples", 2, "base64", true));

        List<String> output = reply.list("output");
        assertEquals(2, output.size());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(output.get(1))));
        assertEquals(48, image.getWidth());
        assertEquals(40, image.getHeight());
        assertArrayEquals(api.get(reply.list("proxy_links").get(1)).bytes(), Base64.getDecoder().decode(output.get(1)));
        assertEquals("success", api.post("/api/v3/text2img", body("prompt", "a", "base64", "yes")).json().get("status"));
    }

    @Test
    void img2imgAndInpaintDownloadTheirImages() {
        String image = api.post("/api/v3/text2img", body("prompt", "a bowl", "width", 64, "height", 64))
                .list("output").get(0);

        ApiClient.Reply img2img = api.post("/api/v3/img2img", body("prompt", "in watercolour", "init_image", image,
                "strength", "0.6"));
        assertEquals("success", img2img.json().get("status"), img2img.text());
        assertEquals(0.6, img2img.map("meta").get("strength"));

        ApiClient.Reply inpaint = api.post("/api/v6/realtime/inpaint", body("prompt", "a pear", "init_image", image,
                "mask_image", image));
        assertEquals("success", inpaint.json().get("status"), inpaint.text());
    }

    @Test
    void base64InputImagesAreDecodedAndChecked() {
        String image = api.post("/api/v3/text2img", body("prompt", "a bowl", "width", 16, "height", 16,
                "base64", "yes")).list("output").get(0);

        assertEquals("success", api.post("/api/v3/inpaint", body("prompt", "a", "init_image", image,
                "mask_image", "data:image/png;base64," + image, "base64", "yes")).json().get("status"));
        assertEquals("Unable to fetch image from provided URL", api.post("/api/v3/img2img", body("prompt", "a",
                "init_image", Base64.getEncoder().encodeToString("not an image".getBytes()), "base64", true))
                .json().get("message"));
    }

    @Test
    void inputImagesThatAreNotImagesOrNotThereAreRefused() throws IOException {
        HttpServer text = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        text.createContext("/", exchange -> {
            byte[] page = "<html>not an image</html>".getBytes();
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        text.start();
        try {
            String page = "http://127.0.0.1:" + text.getAddress().getPort() + "/picture.png";
            for (String url : List.of(page, emulator.baseUrl() + "/generations/missing-0.png", "http://127.0.0.1:1/x.png")) {
                ApiClient.Reply reply = api.post("/api/v3/img2img", body("prompt", "a", "init_image", url));
                assertEquals(Map.of("status", "error", "message", "Unable to fetch image from provided URL"),
                        reply.json(), url);
            }
        } finally {
            text.stop(0);
        }
    }

    private static boolean uniformBlack(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}

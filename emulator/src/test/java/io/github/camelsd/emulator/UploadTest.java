package io.github.camelsd.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The two "host my upload" operations: base64 in, a URL the emulator serves the same bytes at out. */
class UploadTest extends EmulatorTestSupport {

    static final String CROP = "/api/v3/base64_crop";
    static final String TO_URL = "/api/v6/base64_to_url";
    /** The smallest thing that starts like a JPEG: SOI, an APP0 marker, EOI. */
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0,
            (byte) 0xFF, (byte) 0xD9 };
    static final byte[] WEBP = { 'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P' };

    byte[] png;

    @BeforeAll
    void generateInput() {
        png = api.get(api.post("/api/v3/text2img", body("prompt", "an upload", "width", 64, "height", 64))
                .list("output").get(0)).bytes();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + base64(bytes);
    }

    Pattern uploadUrl(String extension) {
        return Pattern.compile(Pattern.quote(emulator.baseUrl() + "/uploads/") + "[0-9a-f-]{36}\\." + extension);
    }

    void assertServes(String url, String contentType, byte[] bytes) {
        ApiClient.Reply image = api.get(url);
        assertEquals(200, image.status());
        assertEquals(contentType, image.contentType());
        assertArrayEquals(bytes, image.bytes());
    }

    @Test
    void base64CropAnswersItsLinkWhichServesTheUploadedPng() {
        ApiClient.Reply reply = api.post(CROP, body("image", dataUri("image/png", png), "crop", "true"));

        assertEquals(200, reply.status());
        Map<String, Object> json = reply.json();
        assertEquals(List.of("status", "messege", "link", "request_id"), List.copyOf(json.keySet()));
        assertEquals("success", json.get("status"));
        assertEquals("image uploaded", json.get("messege"));
        assertInstanceOf(Integer.class, json.get("request_id"));
        String link = (String) json.get("link");
        assertTrue(uploadUrl("png").matcher(link).matches(), link);
        assertServes(link, "image/png", png);
    }

    @Test
    void base64ToUrlAnswersAOneUrlOutputWhichServesTheUploadedJpeg() {
        ApiClient.Reply reply = api.post(TO_URL, body("base64_string", base64(JPEG)));

        assertEquals(200, reply.status());
        Map<String, Object> json = reply.json();
        assertEquals(List.of("status", "id", "output"), List.copyOf(json.keySet()));
        assertEquals("success", json.get("status"));
        assertInstanceOf(Integer.class, json.get("id"));
        List<String> output = reply.list("output");
        assertEquals(1, output.size());
        assertTrue(uploadUrl("jpg").matcher(output.get(0)).matches(), output.get(0));
        assertServes(output.get(0), "image/jpeg", JPEG);
    }

    Stream<Arguments> accepted() {
        return Stream.of(
                arguments(CROP, body("image", base64(png)), "png", "image/png", png),
                arguments(CROP, body("image", dataUri("image/jpeg", JPEG), "crop", "false"), "jpg", "image/jpeg", JPEG),
                arguments(CROP, body("image", base64(WEBP), "crop", false), "webp", "image/webp", WEBP),
                arguments(TO_URL, body("base64_string", dataUri("image/png", png)), "png", "image/png", png),
                arguments(TO_URL, body("base64_string", dataUri("image/webp", WEBP)), "webp", "image/webp", WEBP),
                // the type is read from the bytes, not from the data: URL; base64 wrapped in lines passes
                arguments(TO_URL, body("base64_string", dataUri("image/png", JPEG)), "jpg", "image/jpeg", JPEG),
                arguments(TO_URL, body("base64_string", Base64.getMimeEncoder().encodeToString(png)), "png",
                        "image/png", png));
    }

    @ParameterizedTest(name = "{0} -> .{2}")
    @MethodSource("accepted")
    void plainBase64AndDataUrisOfPngJpegAndWebpAreServedAsSent(String path, Map<String, Object> body,
            String extension, String contentType, byte[] bytes) {
        Map<String, Object> json = api.post(path, body).json();

        assertEquals("success", json.get("status"), json.toString());
        String url = path.equals(CROP) ? (String) json.get("link") : ((List<?>) json.get("output")).get(0).toString();
        assertTrue(uploadUrl(extension).matcher(url).matches(), url);
        assertServes(url, contentType, bytes);
    }

    @Test
    void aWrongOrMissingKeyIsRefusedWith200OnV3And401OnV6BeforeAnyValidation() {
        Map<String, Object> wrongKey = body("image", "not base64", "base64_string", "not base64");
        wrongKey.put("key", "sk-wrong");

        ApiClient.Reply v3 = api.post(CROP, wrongKey);
        assertEquals(200, v3.status());
        assertEquals(ValidationTest.INVALID_KEY, v3.json());
        ApiClient.Reply v6 = api.post(TO_URL, wrongKey);
        assertEquals(401, v6.status());
        assertEquals(ValidationTest.INVALID_KEY, v6.json());
        assertEquals(401, api.postRaw(TO_URL, "{}").status());
    }

    Stream<Arguments> refused() {
        String text = base64("hello, not an image".getBytes(StandardCharsets.UTF_8));
        String notAnImage = "The image must be a valid base64 encoded image.";
        String notAnImageV6 = "The base64 string must be a valid base64 encoded image.";
        return Stream.of(
                arguments(CROP, body(), "image", "The image field is required."),
                arguments(CROP, body("image", " ", "crop", "true"), "image", "The image field is required."),
                arguments(CROP, body("image", "%%% not base64 %%%"), "image", notAnImage),
                arguments(CROP, body("image", text), "image", notAnImage),
                arguments(CROP, body("image", "data:image/png;base64," + text), "image", notAnImage),
                arguments(CROP, body("image", 42), "image", notAnImage),
                arguments(CROP, body("image", base64(png), "crop", "maybe"), "crop", "The selected crop is invalid."),
                arguments(TO_URL, body(), "base64_string", "The base64 string field is required."),
                arguments(TO_URL, body("base64_string", "%%% not base64 %%%"), "base64_string", notAnImageV6),
                arguments(TO_URL, body("base64_string", text), "base64_string", notAnImageV6),
                arguments(TO_URL, body("base64_string", base64(new byte[] { (byte) 0xFF, (byte) 0xD8 })),
                        "base64_string", notAnImageV6));
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("refused")
    void aMissingFieldOrBytesThatAreNoImageAnswerTheFieldMap(String path, Map<String, Object> body, String field,
            String message) {
        ApiClient.Reply reply = api.post(path, body);

        assertEquals(path.equals(TO_URL) ? 400 : 200, reply.status());
        assertEquals(Map.of("status", "error", "message", Map.of(field, List.of(message))), reply.json());
    }

    @Test
    void anUnknownOrForgottenUploadIs404() {
        String url = api.post(TO_URL, body("base64_string", base64(JPEG))).list("output").get(0);
        assertEquals(404, api.get(emulator.baseUrl() + "/uploads/no-such-upload.png").status());
        assertEquals(404, api.get(url.replace(".jpg", ".png")).status());

        emulator.reset();
        ApiClient.Reply forgotten = api.get(url);
        assertEquals(404, forgotten.status());
        assertEquals(Map.of("status", "error", "message", "Not found"), forgotten.json());
    }

    @Test
    void faultsAndRecordingApplyToUploadsButNotToTheirDownloads() {
        emulator.faults().next(Fault.httpStatus(503)).forPath(TO_URL, Fault.httpStatus(500), 1);
        ApiClient.Reply faulted = api.post(CROP, body("image", base64(png)));
        assertEquals(503, faulted.status());
        assertEquals(Map.of("status", "error", "message", "Server Error"), faulted.json());
        assertEquals(500, api.post(TO_URL, body("base64_string", base64(png))).status());

        String link = (String) api.post(CROP, body("image", base64(png))).json().get("link");
        emulator.faults().next(Fault.httpStatus(503));
        assertServes(link, "image/png", png);
        assertEquals(503, api.post(TO_URL, body("base64_string", base64(png))).status(), "the fault waited");

        assertEquals(List.of(CROP, TO_URL, CROP, TO_URL),
                emulator.requests().stream().map(RecordedRequest::path).toList(), "downloads are not recorded");
        assertEquals(base64(png), emulator.requests().get(2).body().get("image"));
    }

    @Test
    void neitherSpamFilterNorQueueLimitAppliesUploadsAreNoJobs() {
        try (SdEmulator busy = SdEmulator.builder().apiKey(ApiClient.KEY).queueLimit(1)
                .processingTime(Duration.ofMinutes(1)).build().start()) {
            ApiClient client = new ApiClient(busy);
            assertEquals("processing", client.post("/api/v3/text2img", body("prompt", "a")).json().get("status"));
            assertEquals(429, client.post("/api/v3/text2img", body("prompt", "b")).status(), "the queue is full");

            Map<String, Object> same = body("image", base64(JPEG));
            Map<String, Object> first = client.post(CROP, same).json();
            Map<String, Object> second = client.post(CROP, same).json();
            assertEquals("success", first.get("status"), first.toString());
            assertEquals("success", second.get("status"), "a repeated upload is no spam: " + second);
            assertNotEquals(first.get("link"), second.get("link"), "each upload has its own URL");
            assertNotEquals(first.get("request_id"), second.get("request_id"));
            assertEquals(200, client.post(TO_URL, body("base64_string", base64(JPEG))).status());
            assertEquals(1, client.post("/api/v3/system_load", body()).json().get("queue_num"),
                    "uploads take no place in the queue");
        }
    }

    @Test
    void theStoreKeepsUploadsWithinItsBudgetForgettingTheOldestFirstButNeverTheNewest() {
        ImageStore store = new ImageStore(250);
        byte[] hundred = new byte[100];
        String first = store.upload(hundred, ImageFormat.PNG);
        String second = store.upload(hundred, ImageFormat.JPEG);
        assertNotNull(store.download(ImageStore.UPLOADS + first));
        String third = store.upload(hundred, ImageFormat.WEBP);

        assertNull(store.download(ImageStore.UPLOADS + first));
        assertEquals("image/jpeg", store.download(ImageStore.UPLOADS + second).contentType());
        assertEquals("image/webp", store.download(ImageStore.UPLOADS + third).contentType());

        String huge = store.upload(new byte[1000], ImageFormat.PNG);
        assertNull(store.download(ImageStore.UPLOADS + second));
        assertNull(store.download(ImageStore.UPLOADS + third));
        assertEquals(1000, store.download(ImageStore.UPLOADS + huge).bytes().length, "the newest is always kept");
    }
}

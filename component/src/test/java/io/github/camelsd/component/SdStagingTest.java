package io.github.camelsd.component;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input images as routes hold them (bytes, streams, files, a file consumer's message, data: URIs) reach the API, which
 * only takes URLs or base64: per staging strategy, checked before anything is sent.
 */
class SdStagingTest extends SdEmulatorTestSupport {

    @TempDir
    static Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + folder.resolve("in") + "?noop=true&include=.*\\.png").routeId("images").autoStartup(false)
                        .setHeader(SdConstants.PROMPT, constant("the same, in watercolour"))
                        .to("sd:img2img?staging=base64&width=64&height=64")
                        .to("mock:restyled");
            }
        };
    }

    private byte[] png(int size) {
        Exchange exchange = send("sd:text2img?outputFormat=bytes&width=" + size + "&height=" + size, "a bowl of fruit");
        assertNull(exchange.getException());
        byte[] image = exchange.getMessage().getBody(byte[].class);
        emulator.reset();
        return image;
    }

    private Exchange img2img(String uri, Object image) {
        return template.send(uri, e -> {
            e.getMessage().setBody(image);
            e.getMessage().setHeader(SdConstants.PROMPT, "the same bowl, in watercolour");
        });
    }

    @Test
    void withoutAStrategyContentIsRejectedNamingTheField() {
        SdValidationException e = failure(img2img("sd:img2img", png(64)), SdValidationException.class);
        assertFalse(e.isSent());
        assertTrue(e.getFieldErrors().get("init_image").get(0).contains("staging"), e.getMessage());
        assertEquals(0, emulator.requestCount());
    }

    @Test
    void base64SendsTheImageInlineWithTheApisFlag() {
        byte[] image = png(64);
        Exchange exchange = img2img("sd:img2img?staging=base64", image);
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        Map<String, Object> sent = lastRequest("/api/v3/img2img").body();
        assertEquals("yes", sent.get("base64"));
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(image), sent.get("init_image"));
    }

    @Test
    void base64IsRefusedWhereTheApiTakesUrlsOnly() {
        SdValidationException e = failure(img2img("sd:inpaint?apiVersion=v6&staging=base64", png(64)),
                SdValidationException.class);
        assertFalse(e.isSent());
        String reason = e.getFieldErrors().get("init_image").get(0);
        assertTrue(reason.contains("base64") && reason.contains("api-hosted or s3"), reason);
        assertEquals(0, emulator.requestCount(), "nothing sent");
    }

    @Test
    void streamsFilesPathsAndDataUrisAreContentToo() throws Exception {
        byte[] image = png(64);
        Path file = Files.write(folder.resolve("bowl.png"), image);
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        for (Object content : List.of(new ByteArrayInputStream(image), file.toFile(), file, dataUri)) {
            Exchange exchange = img2img("sd:img2img?staging=base64", content);
            assertNull(exchange.getException(), () -> content.getClass() + ": " + exchange.getException());
        }
        assertEquals(4, emulator.requestCount("/api/v3/img2img"));
    }

    @Test
    void aFileConsumersMessageIsTheInitImage() throws Exception {
        Files.createDirectories(folder.resolve("in"));
        Files.write(folder.resolve("in/photo.png"), png(64));
        MockEndpoint restyled = getMockEndpoint("mock:restyled");
        restyled.expectedMessageCount(1);
        context.getRouteController().startRoute("images");
        restyled.assertIsSatisfied();
        assertNull(restyled.getExchanges().get(0).getException());
        assertTrue(String.valueOf(lastRequest("/api/v3/img2img").body().get("init_image")).startsWith("data:image/png"));
    }

    @Test
    void contentIsCheckedBeforeAnythingIsSent() {
        Exchange notAnImage = template.send("sd:img2img?staging=base64", e -> {
            e.getMessage().setBody("a prompt");
            e.getMessage().setHeader(SdConstants.INIT_IMAGE, "not an image at all".getBytes());
        });
        assertTrue(failure(notAnImage, SdValidationException.class).getFieldErrors().get("init_image").get(0)
                .contains("PNG, JPEG or WebP"));

        Exchange tooLarge = img2img("sd:img2img?staging=base64&maxImageSize=100", png(64));
        assertTrue(failure(tooLarge, SdValidationException.class).getFieldErrors().get("init_image").get(0)
                .contains("maxImageSize"));

        byte[] init = png(64);
        byte[] mask = png(128);
        Exchange mismatched = template.send("sd:inpaint?staging=base64", e -> {
            e.getMessage().setBody("repaint it");
            e.getMessage().setHeader(SdConstants.INIT_IMAGE, init);
            e.getMessage().setHeader(SdConstants.MASK_IMAGE, mask);
        });
        assertTrue(failure(mismatched, SdValidationException.class).getFieldErrors().get("mask_image").get(0)
                .contains("64x64"));
        assertEquals(0, emulator.requestCount(), "nothing was sent for any of them");
    }

    @Test
    void apiHostedUploadsFirstAndSendsTheHostedUrl() {
        byte[] image = png(64);
        Exchange exchange = img2img("sd:img2img?staging=api-hosted", image);
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals(1, emulator.requestCount("/api/v3/base64_crop"));
        String hosted = String.valueOf(lastRequest("/api/v3/img2img").body().get("init_image"));
        assertTrue(hosted.startsWith(emulator.baseUrl()), hosted);
    }

    @Test
    void apiHostedOnV6UsesBase64ToUrl() {
        Exchange exchange = img2img("sd:img2img?apiVersion=v6&staging=api-hosted", png(64));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        RecordedRequest upload = lastRequest("/api/v6/base64_to_url");
        assertTrue(upload.body().containsKey("base64_string"));
    }

    private static RecordedRequest lastRequest(String path) {
        return SdOperationsTest.lastRequest(path);
    }
}

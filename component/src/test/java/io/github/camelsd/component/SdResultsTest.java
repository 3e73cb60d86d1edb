package io.github.camelsd.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.camelsd.component.error.SdNsfwContentException;
import io.github.camelsd.component.error.SdOutputDownloadException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a finished job's body holds with each outputFormat, and how NSFW blanking is reported. */
class SdResultsTest extends SdEmulatorTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    @TempDir
    static Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to("sd:text2img?samples=3&width=64&height=64&outputFormat=bytes")
                        .split(body()).to("mock:image");
                from("direct:splitLinks").to("sd:text2img?samples=2&width=64&height=64")
                        .split(body()).convertBodyTo(byte[].class).to("mock:downloaded");
                // an earlier job's output as the next job's init image
                from("direct:restyle").to("sd:text2img?width=64&height=64")
                        .split(body())
                        .setHeader(SdConstants.PROMPT, constant("the same, as a watercolour"))
                        .to("sd:img2img?width=64&height=64&staging=base64").to("mock:restyled");
            }
        };
    }

    @Test
    void bytesGivesTheImageForOneAndAListForSeveral() {
        Exchange one = send("sd:text2img?width=64&height=64&outputFormat=bytes", "a red fox");
        assertNull(one.getException());
        assertPng(one.getMessage().getBody(byte[].class));
        assertEquals(0, one.getMessage().getHeader(SdConstants.IMAGE_INDEX));

        Exchange two = send("sd:text2img?width=64&height=64&samples=2&outputFormat=bytes", "two foxes");
        assertNull(two.getException());
        List<?> images = two.getMessage().getBody(List.class);
        assertEquals(2, images.size());
        images.forEach(image -> assertPng((byte[]) image));
    }

    @Test
    void streamAndBase64() throws Exception {
        Exchange stream = send("sd:text2img?width=64&height=64&outputFormat=stream", "a stream fox");
        assertNull(stream.getException());
        try (InputStream in = stream.getMessage().getBody(InputStream.class)) {
            assertPng(in.readAllBytes());
        }
        Exchange base64 = send("sd:text2img?width=64&height=64&outputFormat=base64", "a base64 fox");
        assertNull(base64.getException());
        assertPng(Base64.getDecoder().decode(base64.getMessage().getBody(String.class)));
    }

    @Test
    void imagesTheApiSentAsBase64AreDecodedNotDownloaded() {
        Exchange exchange = send("sd:text2img?width=64&height=64&base64=true&outputFormat=bytes", "an inline fox");
        assertNull(exchange.getException());
        assertPng(exchange.getMessage().getBody(byte[].class));
    }

    @Test
    void urlsStayTheDefaultAndConvertToTheImage() throws Exception {
        Exchange exchange = send("sd:text2img?width=64&height=64", "a linked fox");
        assertNull(exchange.getException());
        SdImage image = assertInstanceOf(SdImage.class, exchange.getMessage().getBody(List.class).get(0));
        assertTrue(image.isLink() && image.getOutput().startsWith(emulator.baseUrl()), image.getOutput());
        assertEquals(0, image.getIndex());
        assertEquals(exchange.getMessage().getHeader(SdConstants.JOB_ID), image.getJobId());
        assertEquals(image.getOutput(), context.getTypeConverter().convertTo(String.class, image));

        int downloads = emulator.downloadCount();
        assertPng(context.getTypeConverter().mandatoryConvertTo(byte[].class, exchange, image));
        try (InputStream in = context.getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, image)) {
            assertPng(in.readAllBytes());
        }
        assertEquals(downloads + 2, emulator.downloadCount(), "each conversion downloads");
    }

    @Test
    void aOneImageResultConvertsAsAWhole() throws Exception {
        Exchange one = send("sd:text2img?width=64&height=64", "a single fox");
        assertPng(one.getMessage().getBody(byte[].class));
        try (InputStream in = one.getMessage().getBody(InputStream.class)) {
            assertPng(in.readAllBytes());
        }
        template.send("file:" + folder + "?fileName=fox.png", one);
        assertNull(one.getException());
        assertPng(Files.readAllBytes(folder.resolve("fox.png")));

        Exchange two = send("sd:text2img?width=64&height=64&samples=2", "two foxes");
        assertThrows(InvalidPayloadException.class,
                () -> two.getMessage().getMandatoryBody(byte[].class), "which of two images is a guess: split first");
    }

    @Test
    void convertingAnImageRetriesTransientFailuresAndHonoursTheSizeCap() throws Exception {
        SdImage image = (SdImage) send("sd:text2img?width=64&height=64", "a flaky fox").getMessage()
                .getBody(List.class).get(0);
        emulator.faults().forPath("/generations/", Fault.httpStatus(503), 2);
        int downloads = emulator.downloadCount();
        assertPng(context.getTypeConverter().mandatoryConvertTo(byte[].class, image));
        assertEquals(downloads + 3, emulator.downloadCount(), "two 503 answers, then the image");

        Exchange big = send("sd:text2img?width=256&height=256&maxDownloadSize=100", "a big fox");
        SdImage large = (SdImage) big.getMessage().getBody(List.class).get(0);
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> context.getTypeConverter().mandatoryConvertTo(byte[].class, big, large));
        SdOutputDownloadException cause = assertInstanceOf(SdOutputDownloadException.class, e.getCause());
        assertFalse(cause.isRetryable());
        assertTrue(cause.getMessage().contains("maxDownloadSize"), cause.getMessage());
    }

    @Test
    void anInlineOutputConvertsWithoutADownload() throws Exception {
        Exchange exchange = send("sd:text2img?width=64&height=64&base64=true", "an inline fox");
        SdImage image = (SdImage) exchange.getMessage().getBody(List.class).get(0);
        assertFalse(image.isLink());
        assertTrue(image.toString().startsWith("base64 image"), "logs do not get the whole image");
        int downloads = emulator.downloadCount();
        assertPng(context.getTypeConverter().mandatoryConvertTo(byte[].class, exchange, image));
        assertEquals(downloads, emulator.downloadCount());

        // as the next job's init image it is content: staged like any other
        Exchange restyled = template.send("sd:img2img?width=64&height=64&staging=base64", e -> {
            e.getMessage().setHeader(SdConstants.PROMPT, "the same, in ink");
            e.getMessage().setBody(image);
        });
        assertNull(restyled.getException());
        String sent = sentInitImage();
        assertTrue(sent.startsWith("data:image/png;base64,"), "init_image: " + sent.substring(0, 40));
    }

    @Test
    void splittingLinksGivesEachImageWithItsIndexAndJobIdAndConvertBodyToDownloadsIt() throws Exception {
        assertSplitIntoImages("direct:splitLinks", "mock:downloaded", 2);
    }

    @Test
    void anOutputFeedsTheNextJob() throws Exception {
        MockEndpoint restyled = getMockEndpoint("mock:restyled");
        restyled.expectedMessageCount(1);
        template.sendBody("direct:restyle", "a fox to restyle");
        restyled.assertIsSatisfied();
        String link = sentInitImage();
        assertTrue(link.startsWith(emulator.baseUrl() + "/generations/"), "a link goes as it is: " + link);
        assertNull(restyled.getExchanges().get(0).getMessage().getHeader(SdConstants.IMAGE_INDEX),
                "the first job's image index does not describe the second job's result");
    }

    @Test
    void anImageOverTheSizeCapFailsWithoutRetrying() {
        Exchange exchange = send("sd:text2img?width=256&height=256&outputFormat=bytes&maxDownloadSize=100", "a big fox");
        SdOutputDownloadException e = failure(exchange, SdOutputDownloadException.class);
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("maxDownloadSize"), e.getMessage());
        assertTrue(e.getJobId() != null, "the job succeeded and can be fetched again");
    }

    @Test
    void nsfwIsFlaggedOrFailsOnRequest() {
        Exchange flagged = send("sd:text2img?width=64&height=64&outputFormat=bytes&safetyChecker=true", "a nude statue");
        assertNull(flagged.getException());
        assertEquals(Boolean.TRUE, flagged.getMessage().getHeader(SdConstants.NSFW));
        assertEquals(Boolean.TRUE, SdBlankImages.isBlank(flagged.getMessage().getBody(byte[].class)),
                "the API blanked the image");

        Exchange failed = send("sd:text2img?width=64&height=64&safetyChecker=true&failOnNsfw=true", "a nude statue");
        assertFalse(failure(failed, SdNsfwContentException.class).isRetryable());
    }

    @Test
    void blankDetectionTellsOneColourFromAPicture() {
        byte[] picture = send("sd:text2img?width=64&height=64&outputFormat=bytes", "a colourful fox")
                .getMessage().getBody(byte[].class);
        assertEquals(Boolean.FALSE, SdBlankImages.isBlank(picture));
        assertNull(SdBlankImages.isBlank(new byte[] { 1, 2, 3 }), "not an image: unknown");
    }

    @Test
    void splittingGivesOneImagePerExchangeWithItsIndexAndJobId() throws Exception {
        assertSplitIntoImages("direct:split", "mock:image", 3);
    }

    private void assertSplitIntoImages(String route, String mock, int count) throws Exception {
        MockEndpoint images = getMockEndpoint(mock);
        images.expectedMessageCount(count);
        template.sendBody(route, count + " foxes");
        images.assertIsSatisfied();
        for (int i = 0; i < count; i++) {
            Exchange image = images.getExchanges().get(i);
            assertPng(image.getMessage().getBody(byte[].class));
            assertEquals(i, image.getMessage().getHeader(SdConstants.IMAGE_INDEX, Integer.class));
            assertEquals(i, image.getProperty(Exchange.SPLIT_INDEX, Integer.class));
            assertNotNull(image.getMessage().getHeader(SdConstants.JOB_ID, String.class));
        }
    }

    private static String sentInitImage() {
        return emulator.requests().stream().filter(r -> r.path().endsWith("/img2img")).findFirst()
                .map(r -> (String) r.body().get("init_image")).orElseThrow();
    }

    private static void assertPng(byte[] image) {
        assertArrayEquals(PNG, Arrays.copyOf(image, 4));
    }
}

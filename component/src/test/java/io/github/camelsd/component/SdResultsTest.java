package io.github.camelsd.component;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.camelsd.component.error.SdNsfwContentException;
import io.github.camelsd.component.error.SdOutputDownloadException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a finished job's body holds with each outputFormat, and how NSFW blanking is reported. */
class SdResultsTest extends SdEmulatorTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to("sd:text2img?samples=3&width=64&height=64&outputFormat=bytes")
                        .split(body()).to("mock:image");
            }
        };
    }

    @Test
    void bytesGivesTheImageForOneAndAListForSeveral() {
        Exchange one = send("sd:text2img?width=64&height=64&outputFormat=bytes", "a red fox");
        assertNull(one.getException());
        assertPng(one.getMessage().getBody(byte[].class));

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
    void urlsStayTheDefault() {
        Exchange exchange = send("sd:text2img?width=64&height=64", "a linked fox");
        assertTrue(((String) exchange.getMessage().getBody(List.class).get(0)).startsWith("http://"));
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
        MockEndpoint images = getMockEndpoint("mock:image");
        images.expectedMessageCount(3);
        template.sendBody("direct:split", "three foxes");
        images.assertIsSatisfied();
        for (int i = 0; i < 3; i++) {
            Exchange image = images.getExchanges().get(i);
            assertPng(image.getMessage().getBody(byte[].class));
            assertEquals(i, image.getProperty(Exchange.SPLIT_INDEX, Integer.class));
            assertTrue(image.getMessage().getHeader(SdConstants.JOB_ID, String.class) != null);
        }
    }

    private static void assertPng(byte[] image) {
        assertArrayEquals(PNG, Arrays.copyOf(image, 4));
    }
}

package io.github.camelsd.quarkus.deployment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import io.github.camelsd.component.SdConstants;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * staging=s3 without a staging URI: test mode gets S3Proxy, and an input image goes through it to the API emulator as a
 * presigned URL.
 */
class SdS3DevServicesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey(SdDevServicesProcessor.STAGING, "s3");

    @Inject
    ProducerTemplate template;

    @Test
    void theStagingUriPointsAtS3Proxy() {
        String uri = ConfigProvider.getConfig().getValue(SdDevServicesProcessor.STAGING_URI, String.class);
        assertTrue(uri.startsWith("aws2-s3://" + SdS3DevService.BUCKET + "?"), "a bucket URI");
        assertTrue(uri.contains("uriEndpointOverride=http://127.0.0.1:"), "the local endpoint");
        assertTrue(!uri.contains("accessKey") && !uri.contains("secretKey"),
                "no credentials in the URI: Camel prints it in its start-up summary");
        assertTrue(ConfigProvider.getConfig().getOptionalValue("camel.component.aws2-s3.secret-key", String.class)
                .isPresent(), "the credentials go to the aws2-s3 component, whose secret-key Camel masks");
        assertTrue(uri.contains("forcePathStyle=true") && uri.contains("overrideEndpoint=true"), "path style");
    }

    @Test
    void anImageIsStagedAndFetchedByTheEmulator() throws IOException {
        byte[] png = png();
        Exchange answer = template.send("sd:img2img", e -> {
            e.getMessage().setBody(png);
            e.getMessage().setHeader(SdConstants.PROMPT, "the same square, in watercolour");
        });
        assertNull(answer.getException(), () -> String.valueOf(answer.getException()));
        assertEquals("success", answer.getMessage().getHeader(SdConstants.STATUS));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

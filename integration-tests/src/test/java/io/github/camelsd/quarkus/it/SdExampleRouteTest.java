package io.github.camelsd.quarkus.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The example route ({@link SdExampleRoute}) end to end: a PNG dropped into the inbox is sent to the emulator Dev
 * Services start as an img2img init image, and the result lands in S3Proxy under {@code renders/<name>-0.png}.
 * S3Proxy and the route's configuration come from {@link S3ProxyResource}, for this class only.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
class SdExampleRouteTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    // Looked up, not injected with @ConfigProperty: every @QuarkusTest class is a bean of every test application, so
    // injection points for properties only S3ProxyResource provides would fail the other test classes' start.
    private Path inbox;
    private String sdBaseUrl;
    private String sdApiKey;
    private S3Client s3;

    @BeforeEach
    void s3Client() {
        Config config = ConfigProvider.getConfig();
        inbox = config.getValue(SdExampleRoute.INBOX_PROPERTY, Path.class);
        sdBaseUrl = config.getValue("camel.component.sd.base-url", String.class);
        sdApiKey = config.getValue("camel.component.sd.api-key", String.class);
        URI s3Endpoint = config.getValue("camel.component.aws2-s3.uri-endpoint-override", URI.class);
        s3 = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(LocalS3Store.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyResource.ACCESS_KEY, S3ProxyResource.SECRET_KEY)))
                .endpointOverride(s3Endpoint)
                .forcePathStyle(true)
                .build();
    }

    @AfterEach
    void closeS3Client() {
        s3.close();
    }

    @Test
    void aPngDroppedIntoTheInboxEndsUpRestyledInS3() throws Exception {
        String name = "photo-" + System.nanoTime();
        drop(name + ".png", png(64, 64));

        ResponseBytes<GetObjectResponse> render = awaitObject("renders/" + name + "-0.png");

        byte[] bytes = render.asByteArray();
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), "not a PNG");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "the render does not decode");
        assertEquals("image/png", render.response().contentType());

        // the emulator knows the job the object came from, as an img2img job (strength is only taken by image
        // operations) with the route's prompt and size
        String jobId = render.response().metadata().get(SdExampleRoute.JOB_ID_METADATA);
        assertNotNull(jobId, "no job id in the object's metadata: " + render.response().metadata());
        given().contentType(ContentType.JSON).body(Map.of("key", sdApiKey))
                .when().post(sdBaseUrl + "/api/v3/fetch/" + jobId)
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("meta.prompt", equalTo("the same picture, as a watercolour"))
                .body("meta.W", equalTo(64))
                .body("meta.H", equalTo(64))
                .body("meta.strength", equalTo(0.6f));
    }

    /** Writes under a name the route ignores, then renames, so the consumer never sees a half-written file. */
    private void drop(String fileName, byte[] content) throws IOException {
        Path partial = inbox.resolve(fileName + ".part");
        Files.write(partial, content);
        Files.move(partial, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    private ResponseBytes<GetObjectResponse> awaitObject(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return s3.getObjectAsBytes(request -> request.bucket(S3ProxyResource.BUCKET).key(key));
            } catch (NoSuchKeyException e) {
                if (System.nanoTime() > deadline) {
                    fail("no object " + key + " in bucket " + S3ProxyResource.BUCKET + " after " + TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2e6f9e));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0xf2c14e));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

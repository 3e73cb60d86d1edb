package io.github.camelsd.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdImageUnreachableException;
import io.github.camelsd.component.error.SdStagingException;
import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * staging=s3 against a real S3-compatible server (S3Proxy, in-process, real S3 protocol and signatures over HTTP): the
 * emulator really downloads the presigned URL, and refuses an expired or tampered one.
 */
class SdS3StagingTest extends SdEmulatorTestSupport {

    private static final String BUCKET = "sd-staging";
    static S3ProxyServer s3;

    @TempDir
    static Path folder;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private String staging(String options) {
        return "stagingUri=RAW(" + s3.camelUri(BUCKET) + ")" + options;
    }

    private byte[] png() {
        Exchange exchange = send("sd:text2img?outputFormat=bytes&width=64&height=64", "a bowl of fruit");
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
    void bytesAreStagedSentAsAPresignedUrlAndDeletedAfterTheJob() throws Exception {
        Exchange exchange = img2img("sd:img2img?" + staging(""), png()); // s3 is the default with a stagingUri
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        String sent = String.valueOf(SdOperationsTest.lastRequest("/api/v3/img2img").body().get("init_image"));
        assertTrue(sent.startsWith(s3.endpoint()) && sent.contains("X-Amz-Signature"), sent);
        awaitNoObjects();
    }

    @Test
    void aFileIsStagedAndKeptOnRequest() throws Exception {
        Path file = Files.write(folder.resolve("bowl.png"), png());
        Exchange exchange = img2img("sd:img2img?staging=s3&keepStagedImages=true&stagingKeyPrefix=kept/&"
                                    + staging(""), file.toFile());
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertTrue(s3.keys().stream().anyMatch(key -> key.startsWith("kept/")), s3.keys().toString());
    }

    @Test
    void aStreamIsStagedToo() throws Exception {
        Exchange exchange = img2img("sd:img2img?" + staging(""), new java.io.ByteArrayInputStream(png()));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertTrue(String.valueOf(SdOperationsTest.lastRequest("/api/v3/img2img").body().get("init_image"))
                .startsWith(s3.endpoint()));
        awaitNoObjects();
    }

    @Test
    void aStoreFailureIsClearAndNoJobIsCreated() {
        Exchange exchange = img2img("sd:img2img?stagingUri=RAW(" + s3.camelUri("no-such-bucket") + ")", png());
        assertTrue(failure(exchange, SdStagingException.class).isRetryable());
        assertEquals(0, emulator.requestCount("/api/v3/img2img"), "no job was created");
    }

    @Test
    void s3WithoutAStagingUriNamesTheOption() {
        SdValidationException e = failure(img2img("sd:img2img?staging=s3", png()), SdValidationException.class);
        assertTrue(e.getFieldErrors().containsKey("stagingUri"));
    }

    @Test
    void anExpiredOrTamperedLinkIsRefusedWhenTheApiFetchesIt() throws Exception {
        String expired = presign("expired.png", png(), 1_000);
        TimeUnit.MILLISECONDS.sleep(2_100);
        failure(img2imgFromUrl(expired), SdImageUnreachableException.class);

        String valid = presign("tampered.png", png(), 600_000);
        int at = valid.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String tampered = valid.substring(0, at) + (valid.charAt(at) == 'a' ? 'b' : 'a') + valid.substring(at + 1);
        failure(img2imgFromUrl(tampered), SdImageUnreachableException.class);
        assertNull(img2imgFromUrl(valid).getException(), "the untouched link works");
    }

    private Exchange img2imgFromUrl(String url) {
        return template.send("sd:img2img", e -> {
            e.getMessage().setBody("the same bowl, in watercolour");
            e.getMessage().setHeader(SdConstants.INIT_IMAGE, url);
        });
    }

    /** A presigned GET link made the way users make one with camel-aws2-s3. */
    private String presign(String key, byte[] image, long ttlMillis) {
        String uri = s3.camelUri(BUCKET);
        template.send(uri, e -> {
            e.getMessage().setBody(image);
            e.getMessage().setHeader("CamelAwsS3Key", key);
        });
        return template.send(uri, e -> {
            e.getMessage().setHeader("CamelAwsS3Operation", "createDownloadLink");
            e.getMessage().setHeader("CamelAwsS3Key", key);
            e.getMessage().setHeader("CamelAwsS3DowloadLinkExpirationTime", ttlMillis); // Camel's spelling
        }).getMessage().getBody(String.class);
    }

    /** Objects under the default prefix (another test keeps its own under kept/) are deleted once the job ends. */
    private static void awaitNoObjects() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!staged().isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertTrue(staged().isEmpty(), "staged objects are deleted when the job ends: " + staged());
    }

    private static java.util.List<String> staged() {
        return s3.keys().stream().filter(key -> key.startsWith("sd-staging/")).toList();
    }
}

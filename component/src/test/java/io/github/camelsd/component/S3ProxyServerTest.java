package io.github.camelsd.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link S3ProxyServer} is a real S3 for camel-aws2-s3: put, presigned download links (valid, tampered, expired),
 * delete, and signature checking.
 */
class S3ProxyServerTest {

    private static final String BUCKET = "camel-sd-test";
    private static final Pattern SIGNATURE = Pattern.compile("([?&]X-Amz-Signature=)([0-9a-f]{64})");

    private static S3ProxyServer s3;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(BUCKET);
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private static void put(String key, byte[] bytes) {
        // no operation: the aws2-s3 producer's default is putObject (there is no operation=putObject)
        template.sendBodyAndHeader(s3.camelUri(BUCKET), bytes, AWS2S3Constants.KEY, key);
    }

    private static String downloadLink(String key, long expirationMillis) {
        Object link = template.requestBodyAndHeaders(s3.camelUri(BUCKET) + "&operation=createDownloadLink", null,
                Map.of(AWS2S3Constants.KEY, key, AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME, expirationMillis));
        return assertInstanceOf(String.class, link);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void putDownloadAndDeleteThroughCamel() throws Exception {
        String key = "images/put-download-delete.png";
        byte[] bytes = "not really a PNG \u00e9\u0000\u00ff".getBytes(StandardCharsets.UTF_8);

        put(key, bytes);
        assertTrue(s3.keys().contains(key), () -> s3.keys().toString());
        assertArrayEquals(bytes, s3.object(key));

        String link = downloadLink(key, 60_000);
        // createDownloadLink honours uriEndpointOverride, and an IP-address endpoint is addressed path style
        assertTrue(link.startsWith(s3.endpoint() + "/" + BUCKET + "/images/put-download-delete.png?"), link);
        assertTrue(link.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256"), link);
        assertTrue(link.contains("X-Amz-Expires=60&"), link);
        assertTrue(link.contains("X-Amz-Credential=" + S3ProxyServer.ACCESS_KEY + "%2F"), link);
        assertTrue(SIGNATURE.matcher(link).find(), link);

        HttpResponse<byte[]> ok = get(link);
        assertEquals(200, ok.statusCode(), () -> new String(ok.body(), StandardCharsets.UTF_8));
        assertArrayEquals(bytes, ok.body());

        Object deleted = template.requestBodyAndHeader(s3.camelUri(BUCKET) + "&operation=deleteObject", null,
                AWS2S3Constants.KEY, key);
        assertEquals(Boolean.TRUE, deleted);
        assertFalse(s3.keys().contains(key), () -> s3.keys().toString());
        assertNull(s3.object(key));
        // the still valid link now finds nothing
        assertEquals(404, get(link).statusCode());
    }

    @Test
    void tamperedSignatureIsRefused() throws Exception {
        String key = "tampered.bin";
        put(key, new byte[] { 1, 2, 3 });
        String link = downloadLink(key, 60_000);
        assertEquals(200, get(link).statusCode());

        Matcher m = SIGNATURE.matcher(link);
        assertTrue(m.find(), link);
        String signature = m.group(2);
        char first = signature.charAt(0);
        String changed = (first == '0' ? '1' : '0') + signature.substring(1);
        String tampered = link.substring(0, m.start(2)) + changed + link.substring(m.end(2));
        assertNotEquals(link, tampered);
        HttpResponse<byte[]> refused = get(tampered);
        assertEquals(403, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("SignatureDoesNotMatch"));

        // the same holds for anything else that was signed, e.g. the key
        assertEquals(403, get(link.replace("/tampered.bin?", "/tampered.bim?")).statusCode());
        // and for no signature at all
        assertEquals(403, get(s3.endpoint() + "/" + BUCKET + "/" + key).statusCode());
    }

    @Test
    void expiredLinkIsRefused() throws Exception {
        String key = "expiring.bin";
        put(key, new byte[] { 4, 5, 6 });
        long created = System.nanoTime();
        String link = downloadLink(key, 1_000);
        assertTrue(link.contains("X-Amz-Expires=1&"), link);

        long waitMillis = 2_000 - Duration.ofNanos(System.nanoTime() - created).toMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        HttpResponse<byte[]> expired = get(link);
        assertEquals(403, expired.statusCode());
        assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("AccessDenied"));
    }

    @Test
    void theCamelUriCanBeNestedRawInAnotherUri() throws Exception {
        String uri = s3.camelUri(BUCKET);
        Map<String, Object> outer = URISupport.parseQuery("stagingUri=RAW(" + uri + ")&other=1", true, true);
        assertEquals("RAW(" + uri + ")", outer.get("stagingUri"));
        assertEquals("1", outer.get("other"));
        Map<String, Object> inner = URISupport.parseQuery(URISupport.extractQuery(uri), false, true);
        URISupport.resolveRawParameterValues(inner);
        assertEquals(S3ProxyServer.SECRET_KEY, inner.get("secretKey"));
        assertEquals(s3.endpoint(), inner.get("uriEndpointOverride"));
    }

    @Test
    void wrongSecretIsRefused() {
        String uri = s3.camelUri(BUCKET).replace("RAW{" + S3ProxyServer.SECRET_KEY + "}", "RAW{not-the-secret}");
        assertNotEquals(s3.camelUri(BUCKET), uri);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader(uri, new byte[] { 7 }, AWS2S3Constants.KEY, "refused.bin"));
        AwsServiceException cause = assertInstanceOf(AwsServiceException.class, e.getCause());
        assertEquals(403, cause.statusCode());
        assertEquals("SignatureDoesNotMatch", cause.awsErrorDetails().errorCode());
        assertFalse(s3.keys().contains("refused.bin"));
    }
}

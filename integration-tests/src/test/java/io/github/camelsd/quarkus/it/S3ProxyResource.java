package io.github.camelsd.quarkus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An S3-compatible server for {@link SdExampleRouteTest}: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> 3.1.0
 * in process, on a free port of 127.0.0.1, over an in-memory ({@code transient}) jclouds blob store, with AWS
 * signature checks against one fixed identity, and the bucket {@value #BUCKET} created. Embedded the way the
 * component module's {@code S3ProxyServer} does it.
 *
 * <p>It hands the application the camel-aws2-s3 connection ({@code camel.component.aws2-s3.*}: credentials,
 * us-east-1, the endpoint override and path-style addressing) and turns the example route on by giving it an inbox
 * (a fresh temporary folder) and the bucket.
 *
 * <p>S3Proxy 3.1.0 rejects the request checksums AWS SDK 2.30+ sends by default over plain HTTP; the JVM system
 * property {@code aws.requestChecksumCalculation=when_required} that avoids it is set in surefire's configuration
 * (pom.xml) as well as by {@link LocalS3Store}, since the test's own S3 client may be built before the store starts.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "s3proxy-test-access-key";
    static final String SECRET_KEY = "s3proxy/test+secret=key";
    static final String BUCKET = "sd-renders";

    private LocalS3Store store;
    private Path inbox;

    @Override
    public Map<String, String> start() {
        store = LocalS3Store.start(BUCKET, ACCESS_KEY, SECRET_KEY);
        try {
            inbox = Files.createTempDirectory("sd-example-inbox");
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "camel.component.aws2-s3.region", LocalS3Store.REGION,
                "camel.component.aws2-s3.access-key", ACCESS_KEY,
                "camel.component.aws2-s3.secret-key", SECRET_KEY,
                "camel.component.aws2-s3.override-endpoint", "true",
                "camel.component.aws2-s3.uri-endpoint-override", store.endpoint(),
                "camel.component.aws2-s3.force-path-style", "true",
                SdExampleRoute.INBOX_PROPERTY, inbox.toString(),
                SdExampleRoute.BUCKET_PROPERTY, BUCKET);
    }

    @Override
    public void stop() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        } finally {
            deleteInbox();
        }
    }

    private void deleteInbox() {
        if (inbox == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(inbox)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

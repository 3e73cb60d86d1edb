package io.github.camelsd.quarkus.deployment;

import java.net.URI;
import java.util.UUID;

import io.quarkus.deployment.builditem.Startable;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy 3.1.0 as an owned Dev Service for {@code staging=s3}: in the build JVM, on a free port of 127.0.0.1, over an
 * in-memory ({@code transient}) jclouds blob store with one bucket, AWS V2/V4 signatures checked against a random
 * identity. Quarkus starts it after the build and closes it when the application stops; nothing is kept on disk.
 */
final class SdS3DevService implements Startable {

    static final String BUCKET = "sd-staging";
    static final String REGION = "us-east-1";
    /** {@code SdkSystemSetting.AWS_REQUEST_CHECKSUM_CALCULATION} of the AWS SDK. */
    static final String CHECKSUM_PROPERTY = "aws.requestChecksumCalculation";

    /** Fresh per server: nothing outside this JVM knows them, and the secret is never logged. */
    private final String accessKey = "sd-dev-" + UUID.randomUUID().toString().replace("-", "");
    private final String secretKey = UUID.randomUUID() + "/" + UUID.randomUUID();
    private volatile BlobStoreContext context;
    private volatile S3Proxy proxy;
    private volatile String endpoint;
    private boolean setChecksumProperty;

    @Override
    public void start() {
        BlobStoreContext store = ContextBuilder.newBuilder("transient")
                .credentials(accessKey, secretKey)
                .build(BlobStoreContext.class);
        S3Proxy server = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            store.getBlobStore().createContainerInLocation(null, BUCKET);
            server.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(server.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + server.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            store.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start S3Proxy for Dev Services for camel-sd", e);
        }
        /*
         * AWS SDK 2.30+ computes a CRC32 for every PutObject by default and, over plain HTTP, announces it as
         * x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, which S3Proxy 3.1.0 does not understand
         * (400 "The provided 'x-amz-content-sha256' header does not match what was computed"). Camel's aws2-s3 has no
         * URI option for it, so the SDK's JVM-wide setting is used: checksums only where S3 requires them. In dev and
         * test mode the application runs in this JVM, and builds its S3 client after this (when the producer starts).
         * An explicit setting is left alone; the one set here is cleared again on close.
         */
        synchronized (SdS3DevService.class) {
            if (System.getProperty(CHECKSUM_PROPERTY) == null) {
                System.setProperty(CHECKSUM_PROPERTY, "when_required");
                setChecksumProperty = true;
            }
        }
        context = store;
        proxy = server;
        endpoint = "http://127.0.0.1:" + server.getPort();
    }

    /** The server's endpoint, {@code http://127.0.0.1:PORT}. */
    @Override
    public String getConnectionInfo() {
        return endpoint;
    }

    @Override
    public String getContainerId() {
        return null;
    }

    /**
     * The aws2-s3 endpoint URI of the bucket on this server, without credentials: Camel masks configuration values by
     * property name in its start-up summary, and {@code stagingUri} is not a name it knows as secret, so the keys go to
     * the aws2-s3 component's own {@code access-key} and {@code secret-key} instead (see {@link #accessKey()}).
     */
    String stagingUri() {
        return "aws2-s3://" + BUCKET
                + "?region=" + REGION
                + "&overrideEndpoint=true"
                + "&uriEndpointOverride=" + endpoint
                + "&forcePathStyle=true";
    }

    /** For {@code camel.component.aws2-s3.access-key}. */
    String accessKey() {
        return accessKey;
    }

    /** For {@code camel.component.aws2-s3.secret-key}, a name Camel masks wherever it prints configuration. */
    String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        S3Proxy server = proxy;
        BlobStoreContext store = context;
        proxy = null;
        context = null;
        synchronized (SdS3DevService.class) {
            if (setChecksumProperty) {
                setChecksumProperty = false;
                if ("when_required".equals(System.getProperty(CHECKSUM_PROPERTY))) {
                    System.clearProperty(CHECKSUM_PROPERTY);
                }
            }
        }
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}

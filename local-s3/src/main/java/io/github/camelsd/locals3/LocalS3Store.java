package io.github.camelsd.locals3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * An S3-compatible store in this JVM: S3Proxy on a free 127.0.0.1 port over an in-memory blob store, with AWS
 * signature checks (V2 or V4, headers or presigned query) for one identity, so a wrong signature or an expired or
 * tampered presigned URL is answered 403. Quarkus Dev Services use it for {@code staging=s3}, and the tests use it as
 * their S3 server.
 *
 * <p>Request checksums: AWS SDK 2.30+ computes a CRC32 for every PutObject and, over plain HTTP, announces it as
 * {@code x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}, which S3Proxy 3.1.0 answers with 400.
 * Camel's aws2-s3 has no URI option for it, so while a store is open the SDK's JVM-wide setting
 * {@value #CHECKSUM_PROPERTY}={@code when_required} is in force (unless set explicitly): S3 clients built meanwhile send
 * checksums only where S3 requires them. Closing the last open store clears it again if a store set it.
 */
public final class LocalS3Store implements AutoCloseable {

    public static final String REGION = "us-east-1";
    /** {@code SdkSystemSetting.AWS_REQUEST_CHECKSUM_CALCULATION}. */
    public static final String CHECKSUM_PROPERTY = "aws.requestChecksumCalculation";

    private static int open;
    private static boolean setChecksumProperty;

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private boolean closed;

    private LocalS3Store(BlobStoreContext context, S3Proxy proxy, String bucket, String accessKey, String secretKey) {
        this.context = context;
        this.proxy = proxy;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts a store with {@code bucket} created (empty), accepting only the given identity. */
    public static LocalS3Store start(String bucket, String accessKey, String secretKey) {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(accessKey, secretKey)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            context.getBlobStore().createContainerInLocation(null, bucket);
            proxy.start(); // Jetty's start returns once the connector listens
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            context.close();
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        synchronized (LocalS3Store.class) {
            if (open++ == 0 && System.getProperty(CHECKSUM_PROPERTY) == null) {
                System.setProperty(CHECKSUM_PROPERTY, "when_required");
                setChecksumProperty = true;
            }
        }
        return new LocalS3Store(context, proxy, bucket, accessKey, secretKey);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The object keys in the bucket, in S3 (lexicographic) order; read from the store, not over HTTP. */
    public List<String> keys() {
        BlobStore store = context.getBlobStore();
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = store.list(bucket, options);
            for (StorageMetadata object : page) {
                keys.add(object.getName());
            }
            String marker = page.getNextMarker();
            if (marker == null) {
                keys.sort(null);
                return keys;
            }
            options = ListContainerOptions.Builder.recursive().afterMarker(marker);
        }
    }

    /** The bytes of an object in the bucket, or {@code null} if there is no such key; read from the store. */
    public byte[] object(String key) {
        Blob blob = context.getBlobStore().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            proxy.stop();
        } finally {
            context.close();
            synchronized (LocalS3Store.class) {
                if (--open == 0 && setChecksumProperty) {
                    System.clearProperty(CHECKSUM_PROPERTY);
                    setChecksumProperty = false;
                }
            }
        }
    }
}

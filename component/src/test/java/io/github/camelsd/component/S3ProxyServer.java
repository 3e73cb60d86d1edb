package io.github.camelsd.component;

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
 * A real S3-compatible server for tests: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> 3.1.0, in process, on a
 * free loopback port, over an in-memory ({@code transient}) blob store, with AWS signature authentication (V2 or V4,
 * headers or presigned query) against one fixed identity. A request with a wrong signature, and a presigned URL that
 * is expired or tampered with, is answered 403.
 *
 * <p>Embedding, as S3Proxy's own JUnit rule does: a jclouds {@link BlobStoreContext} from
 * {@code ContextBuilder.newBuilder("transient").credentials(id, secret)}, handed to
 * {@code S3Proxy.builder().blobStore(..).endpoint(..).awsAuthentication(AWS_V2_OR_V4, id, secret)}. This is S3Proxy
 * 3.1.0: 3.2.0 and 4.x need Jackson 3, which does not run on the jackson-annotations 2.19 of the Quarkus BOM (and
 * 4.x replaced jclouds with a blob store API of its own).
 *
 * <h2>Camel aws2-s3 against it</h2>
 * {@link #camelUri(String)} gives {@code aws2-s3://BUCKET?accessKey=RAW{..}&secretKey=RAW{..}&region=us-east-1
 * &overrideEndpoint=true&uriEndpointOverride=http://127.0.0.1:PORT&forcePathStyle=true}. The S3 client honours all
 * three endpoint options. Without an operation the producer puts the body under the key in header
 * {@code CamelAwsS3Key} (there is no {@code operation=putObject}); {@code operation=deleteObject} takes the same
 * header.
 *
 * <p>{@code operation=createDownloadLink} does not use that client: {@code AWS2S3Producer.createDownloadLink} (Camel
 * 4.14) builds its own {@code S3Presigner} from accessKey/secretKey/region and {@code uriEndpointOverride} only (it
 * looks at {@code uriEndpointOverride} whether or not {@code overrideEndpoint} is set, and never at
 * {@code forcePathStyle}). The link still comes out right here, {@code http://127.0.0.1:PORT/BUCKET/KEY?X-Amz-...},
 * path style, because the SDK's S3 endpoint rules never put a bucket in front of an IP-address host. Point the
 * endpoint at a host name ({@code http://localhost:PORT}) and the presigner would produce the virtual-host form
 * {@code http://BUCKET.localhost:PORT/KEY}; to force path style there, hand the endpoint an {@code amazonS3Presigner}
 * ({@code S3Presigner.builder()...serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
 * .build())}), which createDownloadLink uses in place of its own.
 *
 * <h2>Request checksums: a JVM-wide system property</h2>
 * AWS SDK 2.30+ (the BOM has 2.32.4) computes a CRC32 for every PutObject by default and, over plain HTTP, sends it
 * as {@code x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}, which S3Proxy 3.1.0 does not know
 * (it answers 400 "The provided 'x-amz-content-sha256' header does not match what was computed"; 3.2.0 added it).
 * {@link #start} therefore sets the system property {@value #CHECKSUM_PROPERTY}={@code when_required}, unless it is
 * already set, so that S3 clients built afterwards (Camel builds its client when the endpoint's producer starts)
 * send checksums only where S3 requires them and plain signed chunks otherwise; closing the last open server clears
 * it again if a server set it. A client built while no server is open keeps the SDK default. Camel 4.14's aws2-s3 has no URI option for this; an {@code amazonS3Client} built with
 * {@code .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)} would do the same per client.
 *
 * <p>The expiration header is {@code AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME}, whose value is spelt
 * {@code "CamelAwsS3DowloadLinkExpirationTime"} (sic, no "n" in "Dowload"): milliseconds, default one hour. A header
 * spelt "Download" is silently ignored. The signed window is whole seconds from a second-truncated
 * {@code X-Amz-Date}, so a 1 s link can already be dead a few milliseconds after it was made.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "s3proxy-test-access-key";
    /** Has '+', '/' and '=' like a real AWS secret, so that the {@code RAW(..)} in {@link #camelUri} is exercised. */
    static final String SECRET_KEY = "s3proxy/test+secret=key";
    static final String REGION = "us-east-1";
    /** {@code SdkSystemSetting.AWS_REQUEST_CHECKSUM_CALCULATION}. */
    static final String CHECKSUM_PROPERTY = "aws.requestChecksumCalculation";

    private final BlobStoreContext context;
    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final String bucket;
    private final String endpoint;
    private boolean closed;

    /** Servers open in this JVM, and whether the first of them set {@link #CHECKSUM_PROPERTY}. */
    private static int open;
    private static boolean setChecksumProperty;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, String bucket, String endpoint) {
        this.context = context;
        this.blobStore = context.getBlobStore();
        this.proxy = proxy;
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    /** Starts S3Proxy on a free port of 127.0.0.1 with {@code bucket} created (empty). */
    static S3ProxyServer start(String bucket) {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            context.getBlobStore().createContainerInLocation(null, bucket);
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            context.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        synchronized (S3ProxyServer.class) {
            if (open++ == 0 && System.getProperty(CHECKSUM_PROPERTY) == null) {
                System.setProperty(CHECKSUM_PROPERTY, "when_required");
                setChecksumProperty = true;
            }
        }
        return new S3ProxyServer(context, proxy, bucket, "http://127.0.0.1:" + proxy.getPort());
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    String endpoint() {
        return endpoint;
    }

    String accessKey() {
        return ACCESS_KEY;
    }

    String secretKey() {
        return SECRET_KEY;
    }

    String region() {
        return REGION;
    }

    /** The bucket {@link #start} created. */
    String bucket() {
        return bucket;
    }

    /** The object keys in the bucket, in S3 (lexicographic) order; read from the store, not over HTTP. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = blobStore.list(bucket, options);
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
    byte[] object(String key) {
        Blob blob = blobStore.getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A camel-aws2-s3 endpoint URI for {@code bucket} on this server: credentials raw, region us-east-1, the endpoint
     * override on and path-style addressing. Append options with {@code &}.
     *
     * <p>The credentials are wrapped in {@code RAW{..}}, Camel's equivalent of {@code RAW(..)}, so that the whole URI
     * can itself be passed raw as another endpoint's option, {@code stagingUri=RAW(<this uri>)}: Camel ends a raw
     * value at the first closing bracket of the same kind that is followed by {@code &} or the end, so an inner
     * {@code RAW(..)&} would cut an outer {@code RAW(..)} short.
     */
    String camelUri(String bucket) {
        return "aws2-s3://" + bucket
                + "?accessKey=RAW{" + ACCESS_KEY + "}"
                + "&secretKey=RAW{" + SECRET_KEY + "}"
                + "&region=" + REGION
                + "&overrideEndpoint=true"
                + "&uriEndpointOverride=" + endpoint
                + "&forcePathStyle=true";
    }

    @Override
    public void close() {
        synchronized (S3ProxyServer.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--open == 0 && setChecksumProperty) {
                System.clearProperty(CHECKSUM_PROPERTY);
                setChecksumProperty = false;
            }
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        } finally {
            context.close();
        }
    }
}

package io.github.camelsd.component;

import java.util.List;

import io.github.camelsd.locals3.LocalS3Store;

/**
 * The tests' S3 server: a {@link LocalS3Store} (S3Proxy in-process, real S3 protocol and signature checks) with a
 * fixed identity, and the Camel aws2-s3 URI that reaches it.
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
 * <p>The expiration header is {@code AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME}, whose value is spelt
 * {@code "CamelAwsS3DowloadLinkExpirationTime"} (sic, no "n" in "Dowload"): milliseconds, default one hour. A header
 * spelt "Download" is silently ignored. The signed window is whole seconds from a second-truncated
 * {@code X-Amz-Date}, so a 1 s link can already be dead a few milliseconds after it was made.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "s3proxy-test-access-key";
    /** Has '+', '/' and '=' like a real AWS secret, so that the {@code RAW{..}} in {@link #camelUri} is exercised. */
    static final String SECRET_KEY = "s3proxy/test+secret=key";

    private final LocalS3Store store;

    private S3ProxyServer(LocalS3Store store) {
        this.store = store;
    }

    /** Starts S3Proxy on a free port of 127.0.0.1 with {@code bucket} created (empty). */
    static S3ProxyServer start(String bucket) {
        return new S3ProxyServer(LocalS3Store.start(bucket, ACCESS_KEY, SECRET_KEY));
    }

    String endpoint() {
        return store.endpoint();
    }

    String bucket() {
        return store.bucket();
    }

    List<String> keys() {
        return store.keys();
    }

    byte[] object(String key) {
        return store.object(key);
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
                + "&region=" + LocalS3Store.REGION
                + "&overrideEndpoint=true"
                + "&uriEndpointOverride=" + store.endpoint()
                + "&forcePathStyle=true";
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}

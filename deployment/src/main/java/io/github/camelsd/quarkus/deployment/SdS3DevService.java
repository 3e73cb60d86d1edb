package io.github.camelsd.quarkus.deployment;

import java.util.UUID;

import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.deployment.builditem.Startable;

/**
 * The local S3 store ({@link LocalS3Store}, S3Proxy in the build JVM) as an owned Dev Service for {@code staging=s3}:
 * one bucket, a random identity, nothing on disk. Quarkus starts it after the build and closes it when the application
 * stops. In dev and test mode the application runs in this JVM, so the store's request-checksum setting is in force
 * when the application builds its S3 client.
 */
final class SdS3DevService implements Startable {

    static final String BUCKET = "sd-staging";

    /** Fresh per server: nothing outside this JVM knows them, and the secret is never logged. */
    private final String accessKey = "sd-dev-" + UUID.randomUUID().toString().replace("-", "");
    private final String secretKey = UUID.randomUUID() + "/" + UUID.randomUUID();
    private volatile LocalS3Store store;

    @Override
    public void start() {
        store = LocalS3Store.start(BUCKET, accessKey, secretKey);
    }

    /** The server's endpoint, {@code http://127.0.0.1:PORT}. */
    @Override
    public String getConnectionInfo() {
        return store.endpoint();
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
                + "?region=" + LocalS3Store.REGION
                + "&overrideEndpoint=true"
                + "&uriEndpointOverride=" + store.endpoint()
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
        LocalS3Store running = store;
        store = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop S3Proxy", e);
            }
        }
    }
}

package io.github.camelsd.emulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The HTTP client for the emulator's own calls (input image downloads, webhooks), on the emulator's workers. Made on
 * first use: a client brings a selector thread, which an emulator that never calls out should not cost its JVM.
 */
final class OutboundClient implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Executor executor;
    private HttpClient client; // guarded by this

    OutboundClient(Executor executor) {
        this.executor = executor;
    }

    synchronized HttpClient get() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .executor(executor)
                    .build();
        }
        return client;
    }

    /** Closes the client where the JDK can (21+); on 17 its thread ends once the client is unreachable. */
    @Override
    public synchronized void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: the emulator is going away either way
            }
        }
        client = null;
    }
}

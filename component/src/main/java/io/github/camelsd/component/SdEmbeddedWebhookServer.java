package io.github.camelsd.component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;

/**
 * sd:webhook on plain Camel without platform-http: the JDK's own HTTP server ({@code com.sun.net.httpserver}, in every
 * JDK), on {@code webhookHost}:{@code webhookPort}, two threads that only read, check and answer callbacks; routes run
 * on the component's I/O pool. A body over the size limit is refused (by its Content-Length, or once that many bytes
 * were read) and never kept in memory.
 */
final class SdEmbeddedWebhookServer {

    /** What the consumer makes of one callback: (method, token, body or null when too large) → the answer. */
    interface Receiver {
        SdWebhookConsumer.Reply receive(String method, String token, byte[] body);
    }

    /**
     * The JDK server traces every request line, query included, at DEBUG: that is each callback's token, which lets
     * anyone complete that job. While an embedded server runs, this logger (java.util.logging, the JDK's default
     * backend of System.Logger) is held at INFO. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JDK_SERVER_TRACE = java.util.logging.Logger.getLogger(
            "com.sun.net.httpserver");

    /**
     * Connections the kernel queues before the server accepts them. Jobs submitted together finish together and the
     * API calls back each one on a connection of its own; the JDK's default (50) is small for such a burst, and a
     * refused connect is a lost callback (the API does not retry).
     */
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final CamelContext camel;
    private final String url;

    private SdEmbeddedWebhookServer(HttpServer server, ExecutorService threads, CamelContext camel, String url) {
        this.server = server;
        this.threads = threads;
        this.camel = camel;
        this.url = url;
    }

    static SdEmbeddedWebhookServer start(String host, int port, String path, long maxBodySize, Receiver receiver,
                                         CamelContext camel, Object owner) throws IOException {
        java.util.logging.Level level = JDK_SERVER_TRACE.getLevel();
        if (level == null || level.intValue() < java.util.logging.Level.INFO.intValue()) {
            JDK_SERVER_TRACE.setLevel(java.util.logging.Level.INFO);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        ExecutorService threads = camel.getExecutorServiceManager().newFixedThreadPool(owner, "SdWebhookServer", 2);
        server.setExecutor(threads);
        server.createContext(path, exchange -> answer(exchange, path, maxBodySize, receiver));
        server.start();
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        String url = "http://" + reachable + ":" + server.getAddress().getPort() + path;
        return new SdEmbeddedWebhookServer(server, threads, camel, url);
    }

    private static void answer(HttpExchange exchange, String path, long maxBodySize, Receiver receiver)
            throws IOException {
        try (exchange) {
            SdWebhookConsumer.Reply reply;
            if (!exchange.getRequestURI().getPath().equals(path)) {
                reply = new SdWebhookConsumer.Reply(404, "{\"status\":\"error\",\"message\":\"not found\"}");
            } else {
                byte[] body = read(exchange, maxBodySize);
                reply = body == null ? SdWebhookConsumer.tooLarge()
                        : receiver.receive(exchange.getRequestMethod(),
                                SdWebhookConsumer.tokenOf(exchange.getRequestURI().getRawQuery()), body);
            }
            byte[] json = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
    }

    /**
     * The body, or null when it is larger than {@code limit}. A refused body is still read and discarded up to twice the
     * limit, so that its sender gets the 413 rather than a connection reset while it is still sending; past that the
     * connection is closed.
     */
    private static byte[] read(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean tooLarge = false;
        if (declared != null) {
            try {
                tooLarge = Long.parseLong(declared.trim()) > limit;
            } catch (NumberFormatException e) {
                tooLarge = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; read <= 2 * limit && (n = in.read(buffer)) > 0; ) {
                read += n;
                tooLarge |= read > limit;
                if (!tooLarge) {
                    body.write(buffer, 0, n);
                }
            }
        }
        return tooLarge ? null : body.toByteArray();
    }

    /** Where this server receives callbacks, as a server on the same machine reaches it. */
    String url() {
        return url;
    }

    void stop() {
        server.stop(0);
        camel.getExecutorServiceManager().shutdown(threads);
    }
}

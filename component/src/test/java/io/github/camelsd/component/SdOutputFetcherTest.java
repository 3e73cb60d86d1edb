package io.github.camelsd.component;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelsd.component.error.SdOutputDownloadException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output downloads retry what is transient (5xx, broken transfers) and give up on what is not (404). */
class SdOutputFetcherTest {

    private HttpServer images;
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private SdOutputFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        images.createContext("/flaky.png", exchange -> {
            int call = flakyCalls.incrementAndGet();
            byte[] body = call < 3 ? new byte[0] : new byte[] { 1, 2, 3 };
            exchange.sendResponseHeaders(call < 3 ? 503 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        images.createContext("/missing.png", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        images.start();
        fetcher = new SdOutputFetcher(new SdHttpTransport(HttpClient.newHttpClient(), new SdContinuations(Runnable::run),
                new SdRequestGate(64)), scheduler);
    }

    @AfterEach
    void stop() {
        images.stop(0);
        scheduler.shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + images.getAddress().getPort() + path;
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        List<byte[]> fetched = fetcher.fetchAll(List.of(url("/flaky.png")), new SdConfiguration(),
                new DefaultExchange(new DefaultCamelContext()), "42").get();
        assertArrayEquals(new byte[] { 1, 2, 3 }, fetched.get(0));
        assertEquals(3, flakyCalls.get(), "two 503 answers, then the image");
    }

    @Test
    void aMissingImageFailsAtOnce() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> fetcher.fetchAll(
                List.of(url("/missing.png")), new SdConfiguration(), new DefaultExchange(new DefaultCamelContext()), "42")
                .get());
        SdOutputDownloadException failure = assertInstanceOf(SdOutputDownloadException.class, e.getCause());
        assertTrue(failure.getMessage().contains("HTTP 404") && failure.getMessage().contains("1 attempt"),
                failure.getMessage());
    }
}

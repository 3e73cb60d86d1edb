package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one handler of the server. Image downloads (generated or uploaded) are counted, given a fault armed for their
 * path, and served from the image store; every other request is an API request: recorded, then given its fault if one is
 * armed, then answered by the pipeline. The handler
 * never waits: a late answer is completed from a timer task or the HTTP client's callback, after {@link #handle}
 * returned.
 */
final class EmulatorHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(EmulatorHandler.class.getName());

    private final String baseUrl;
    private final RequestLog requests;
    private final AtomicInteger downloads;
    private final SdFaults faults;
    private final ImageStore images;
    private final ApiPipeline pipeline;
    private final EmulatorThreads threads;

    EmulatorHandler(String baseUrl, RequestLog requests, AtomicInteger downloads, SdFaults faults,
            ImageStore images, ApiPipeline pipeline, EmulatorThreads threads) {
        this.baseUrl = baseUrl;
        this.requests = requests;
        this.downloads = downloads;
        this.faults = faults;
        this.images = images;
        this.pipeline = pipeline;
        this.threads = threads;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && ImageStore.isDownload(path)) {
            downloads.incrementAndGet();
            Fault fault = faults.takeForDownload(path);
            HttpReply replacement = fault == null ? null : fault.reply();
            if (replacement != null) {
                replacement.send(exchange);
            } else if (fault != null && fault.delay() != null) {
                threads.later(fault.delay(), () -> serve(exchange, path));
            } else {
                serve(exchange, path);
            }
            return;
        }
        String raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            exchange.close(); // the client went away while sending: nobody to answer
            return;
        }
        RecordedRequest request = new RecordedRequest(method, baseUrl + path, path, Json.readObject(raw), raw,
                Instant.now());
        requests.add(request);

        Fault fault = faults.take(path);
        HttpReply replacement = fault == null ? null : fault.reply();
        if (replacement != null) {
            replacement.send(exchange);
        } else if (fault != null && fault.delay() != null) {
            threads.later(fault.delay(), () -> answer(exchange, request, false));
        } else {
            answer(exchange, request, fault != null && fault.failsWhileProcessing());
        }
    }

    private void serve(HttpExchange exchange, String path) {
        ImageStore.Download image = images.download(path);
        (image != null ? HttpReply.bytes(200, image.contentType(), image.bytes())
                : HttpReply.json(404, ResponseBodies.error("Not found"))).send(exchange);
    }

    private void answer(HttpExchange exchange, RecordedRequest request, boolean failWhileProcessing) {
        CompletableFuture<HttpReply> reply;
        try {
            reply = pipeline.process(request, failWhileProcessing);
        } catch (RuntimeException bug) {
            reply = CompletableFuture.failedFuture(bug);
        }
        reply.whenComplete((result, bug) -> {
            if (bug != null) {
                // an emulator bug must not leave the client hanging, nor pass unnoticed
                LOG.log(System.Logger.Level.ERROR, "failed to answer " + request.method() + " " + request.path(), bug);
                result = HttpReply.json(500, ResponseBodies.error("Server Error"));
            }
            result.send(exchange);
        });
    }
}

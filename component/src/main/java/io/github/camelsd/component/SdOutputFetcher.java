package io.github.camelsd.component;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdOutputDownloadException;
import org.apache.camel.Exchange;

/**
 * Gets a finished job's images: downloads each output link without blocking (size-capped, retried on transient
 * failures with a growing pause on the component's scheduler), or decodes it when the API answered base64.
 */
final class SdOutputFetcher {

    private static final int ATTEMPTS = 3;
    private static final long FIRST_PAUSE_MILLIS = 200;

    private final SdHttpTransport transport;
    private final ScheduledExecutorService scheduler;

    SdOutputFetcher(SdHttpTransport transport, ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.scheduler = scheduler;
    }

    /** The images, in output order; fails with {@link SdOutputDownloadException}. */
    CompletableFuture<List<byte[]>> fetchAll(List<String> outputs, SdConfiguration config, Exchange exchange,
                                             String jobId) {
        List<CompletableFuture<byte[]>> images = new ArrayList<>(outputs.size());
        for (String output : outputs) {
            images.add(fetch(output, config, exchange, jobId));
        }
        return CompletableFuture.allOf(images.toArray(CompletableFuture[]::new))
                .thenApply(done -> images.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<byte[]> fetch(String output, SdConfiguration config, Exchange exchange, String jobId) {
        if (!output.startsWith("http://") && !output.startsWith("https://")) {
            try {
                String data = output.startsWith("data:") ? output.substring(output.indexOf(',') + 1) : output;
                return CompletableFuture.completedFuture(Base64.getMimeDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new SdOutputDownloadException(
                        "an output is neither a URL nor base64 data", exchange, e, jobId, false));
            }
        }
        CompletableFuture<byte[]> image = new CompletableFuture<>();
        attempt(URI.create(output), 1, config, exchange, jobId, image);
        return image;
    }

    private void attempt(URI uri, int attempt, SdConfiguration config, Exchange exchange, String jobId,
                         CompletableFuture<byte[]> image) {
        transport.get(uri, Duration.ofMillis(config.getResponseTimeout()), config.getMaxDownloadSize())
                .whenComplete((answer, error) -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause == null && answer.status() == 200) {
                        image.complete(answer.body());
                        return;
                    }
                    boolean tooLarge = cause instanceof SdHttpTransport.TooLargeException;
                    boolean transient_ = !tooLarge && (cause != null || answer.status() >= 500 || answer.status() == 429);
                    if (transient_ && attempt < ATTEMPTS) {
                        scheduler.schedule(() -> attempt(uri, attempt + 1, config, exchange, jobId, image),
                                FIRST_PAUSE_MILLIS << (attempt - 1), TimeUnit.MILLISECONDS);
                        return;
                    }
                    String problem = cause != null ? String.valueOf(cause.getMessage()) : "HTTP " + answer.status();
                    image.completeExceptionally(new SdOutputDownloadException(
                            "downloading output " + uri + " failed after " + attempt + " attempt(s): " + problem,
                            exchange, cause, jobId, transient_));
                });
    }
}

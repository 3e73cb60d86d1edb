package io.github.camelsd.component;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdOutputDownloadException;
import org.apache.camel.Exchange;

/**
 * Gets a finished job's images: downloads each output link, size-capped and retried on transient failures with a
 * growing pause, or decodes it when the API answered base64. The producer's path ({@link #fetchAll}) does not block:
 * the JDK client's asynchronous calls, pauses on the component's scheduler. A type converter's path ({@link #fetchNow})
 * blocks the calling thread, with the same cap, attempts and pauses.
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
        if (!SdImage.isLink(output)) {
            try {
                return CompletableFuture.completedFuture(decodeInline(output, exchange, jobId));
            } catch (SdOutputDownloadException e) {
                return CompletableFuture.failedFuture(e);
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
                    Throwable cause = SdHttpTransport.unwrap(error);
                    int status = cause == null ? answer.status() : -1;
                    if (status == 200) {
                        image.complete(answer.body());
                    } else if (isTransient(cause, status) && attempt < ATTEMPTS) {
                        scheduler.schedule(() -> attempt(uri, attempt + 1, config, exchange, jobId, image),
                                pauseAfter(attempt), TimeUnit.MILLISECONDS);
                    } else {
                        image.completeExceptionally(failure(uri, attempt, cause, status, exchange, jobId));
                    }
                });
    }

    /**
     * One image, on the calling thread. Deliberately not through the component's HTTP client: its completions run on
     * the I/O threads that also continue routes, so waiting for one there could wait for itself.
     */
    static byte[] fetchNow(SdImage image, Exchange exchange) throws SdOutputDownloadException {
        if (!image.isLink()) {
            return decodeInline(image.getOutput(), exchange, image.getJobId());
        }
        URI uri = URI.create(image.getOutput());
        for (int attempt = 1;; attempt++) {
            int status = -1;
            IOException cause = null;
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout((int) image.downloadTimeoutMillis());
                connection.setReadTimeout((int) image.downloadTimeoutMillis());
                status = connection.getResponseCode();
                if (status == 200) {
                    return readCapped(connection, image.maxDownloadSize());
                }
                connection.disconnect();
            } catch (IOException e) {
                cause = e;
            }
            if (!isTransient(cause, status) || attempt == ATTEMPTS) {
                throw failure(uri, attempt, cause, status, exchange, image.getJobId());
            }
            try {
                Thread.sleep(pauseAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(uri, attempt, e, status, exchange, image.getJobId());
            }
        }
    }

    private static byte[] readCapped(HttpURLConnection connection, long maxBytes) throws IOException {
        if (connection.getContentLengthLong() > maxBytes) {
            connection.disconnect();
            throw new SdHttpTransport.TooLargeException(maxBytes);
        }
        try (InputStream in = connection.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                connection.disconnect(); // do not read the rest
                throw new SdHttpTransport.TooLargeException(maxBytes);
            }
            return body;
        }
    }

    private static byte[] decodeInline(String output, Exchange exchange, String jobId) throws SdOutputDownloadException {
        try {
            return Base64.getMimeDecoder().decode(output.startsWith("data:") ? output.substring(output.indexOf(',') + 1)
                    : output);
        } catch (IllegalArgumentException e) {
            throw new SdOutputDownloadException("an output is neither a URL nor base64 data", exchange, e, jobId, false);
        }
    }

    /** Network errors, 5xx and 429 can pass; a body over the cap or another status will not. */
    private static boolean isTransient(Throwable cause, int status) {
        return cause != null ? !(cause instanceof SdHttpTransport.TooLargeException) : status >= 500 || status == 429;
    }

    private static long pauseAfter(int attempt) {
        return FIRST_PAUSE_MILLIS << (attempt - 1);
    }

    private static SdOutputDownloadException failure(URI uri, int attempt, Throwable cause, int status,
                                                     Exchange exchange, String jobId) {
        String problem = cause != null ? String.valueOf(cause.getMessage()) : "HTTP " + status;
        return new SdOutputDownloadException("downloading output " + uri + " failed after " + attempt + " attempt(s): "
                                             + problem, exchange, cause, jobId, isTransient(cause, status));
    }
}
